/**
 * The one error type of Qiao. Codes are a closed set so that every layer (HTTP, SSE, CLI,
 * the OpenAI-compatible API) can map them without guessing.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  model_not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  content_blocked: 451,
  internal: 500,
  not_implemented: 501,
  upstream_error: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  database_unavailable: 503,
  cancelled: 499,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const retryableCodes: ReadonlySet<ErrorCode> = new Set([
  'rate_limited',
  'upstream_error',
  'upstream_unavailable',
  'upstream_timeout',
]);

export interface AppErrorOptions {
  cause?: unknown;
  /** Extra, safe-to-show facts (e.g. the list of valid model ids). Never secrets. */
  details?: Record<string, unknown>;
  /** Overrides the code's default retryability (e.g. a 400 from a provider is never retried). */
  retryable?: boolean;
  /** Seconds the upstream asked us to wait (Retry-After). */
  retryAfter?: number;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;
  readonly #retryable: boolean | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
    this.#retryable = options.retryable;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  get isRetryable(): boolean {
    return this.#retryable ?? retryableCodes.has(this.code);
  }

  toJSON(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static is(value: unknown): value is AppError {
    return value instanceof AppError;
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Wraps anything thrown into an AppError without losing the original as `cause`. */
export function toAppError(value: unknown, fallback: ErrorCode = 'internal'): AppError {
  if (value instanceof AppError) return value;
  if (value instanceof Error && value.name === 'AbortError') {
    return new AppError('cancelled', 'The request was cancelled', { cause: value });
  }
  const message = value instanceof Error ? value.message : String(value);
  return new AppError(fallback, message || 'Unexpected error', { cause: value });
}
