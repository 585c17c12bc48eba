import { APICallError } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import OpenAI from 'openai';

const networkCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/**
 * Any failure of a provider call as an AppError with the right code and retryability.
 * Messages never carry the API key (SDK errors can echo request details).
 */
export function toUpstreamError(error: unknown, providerId: string, apiKey?: string): AppError {
  if (error instanceof AppError) return error;
  const clean = (text: string) => redact(text, apiKey);
  const failure = httpFailure(error);
  if (failure) {
    const { status, headers } = failure;
    const detail = clean(failure.detail);
    if (status === undefined) {
      return new AppError('upstream_unavailable', `Cannot reach provider '${providerId}': ${detail}`, {
        cause: error,
      });
    }
    if (status < 300) {
      // the body failed after a 200: a dropped connection or a malformed stream
      const cause = clean(describe((error as Error).cause ?? (error as Error).message));
      return new AppError('upstream_error', `The response of provider '${providerId}' broke off: ${cause}`, {
        cause: error,
      });
    }
    if (status === 429) {
      return new AppError('rate_limited', `Provider '${providerId}' is rate limiting requests: ${detail}`, {
        cause: error,
        retryAfter: retryAfterSeconds(headers),
      });
    }
    if (status === 401 || status === 403) {
      return new AppError(
        'upstream_error',
        `Provider '${providerId}' rejected the API key (HTTP ${status})`,
        {
          cause: error,
          retryable: false,
        },
      );
    }
    if (status === 408)
      return new AppError('upstream_timeout', `Provider '${providerId}' timed out`, { cause: error });
    if (status >= 500) {
      return new AppError('upstream_error', `Provider '${providerId}' failed (HTTP ${status}): ${detail}`, {
        cause: error,
      });
    }
    if (status === 404) {
      return new AppError('upstream_error', `Provider '${providerId}' answered 404: ${detail}`, {
        cause: error,
        retryable: false,
      });
    }
    return new AppError(
      'bad_request',
      `Provider '${providerId}' rejected the request (HTTP ${status}): ${detail}`,
      {
        cause: error,
        retryable: false,
      },
    );
  }
  const code = networkCode(error);
  if (code && code !== 'ECONNRESET') {
    return new AppError('upstream_unavailable', `Cannot reach provider '${providerId}' (${code})`, {
      cause: error,
    });
  }
  const message = clean(error instanceof Error ? error.message : describe(error));
  if (code || /terminated|socket|premature|aborted|closed/i.test(message)) {
    return new AppError('upstream_error', `The connection to provider '${providerId}' was lost: ${message}`, {
      cause: error,
    });
  }
  return new AppError('upstream_error', `Provider '${providerId}' failed: ${message}`, { cause: error });
}

interface HttpFailure {
  status: number | undefined;
  headers: Record<string, string> | undefined;
  detail: string;
}

/** The HTTP facts of an SDK error, from either client Qiao uses (AI SDK or `openai`). */
function httpFailure(error: unknown): HttpFailure | undefined {
  if (APICallError.isInstance(error)) {
    return {
      status: error.statusCode,
      headers: error.responseHeaders,
      detail: bodyMessage(error.data) ?? error.message,
    };
  }
  // connection failures carry no status: they are classified by their network cause below
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return {
      status: error.status,
      headers: error.headers ? Object.fromEntries(error.headers.entries()) : undefined,
      detail: bodyMessage({ error: error.error }) ?? error.message,
    };
  }
  return undefined;
}

function bodyMessage(data: unknown): string | undefined {
  const body = data as { error?: { message?: unknown }; message?: unknown } | undefined;
  const message = body?.error?.message ?? body?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value && typeof value === 'object') {
    const nested = (value as { error?: { message?: unknown }; message?: unknown }).error?.message;
    const direct = (value as { message?: unknown }).message;
    if (typeof nested === 'string') return nested;
    if (typeof direct === 'string') return direct;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Removes the provider's key and anything shaped like a bearer secret. */
export function redact(text: string, apiKey?: string): string {
  let out = apiKey && apiKey.length >= 4 ? text.replaceAll(apiKey, '***') : text;
  out = out.replace(/\b(sk|bce-v3|ak)-[A-Za-z0-9_\-./]{8,}/g, '$1-***');
  return out.replace(/(Bearer\s+)[^\s"']+/gi, '$1***');
}
