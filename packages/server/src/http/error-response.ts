import { AppError, toAppError } from '@qiao/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { databaseInputError } from '../db/database-input-error';

const openaiType: Partial<Record<AppError['code'], string>> = {
  unauthorized: 'authentication_error',
  forbidden: 'permission_error',
  not_found: 'not_found_error',
  model_not_found: 'not_found_error',
  rate_limited: 'rate_limit_error',
  internal: 'server_error',
  upstream_error: 'server_error',
  upstream_unavailable: 'server_error',
  upstream_timeout: 'server_error',
};

/** The OpenAI error `type` for a code; /v1 streams use it for errors after the first byte. */
export function openaiErrorType(code: AppError['code']): string {
  return openaiType[code] ?? 'invalid_request_error';
}

/** REST errors are {"error":{"code","message"}}; under /v1 the OpenAI shape. */
export function errorResponse(c: Context, value: unknown): Response {
  let error = value instanceof AppError ? value : (databaseInputError(value) ?? toAppError(value));
  if (error.code === 'internal') {
    console.error('[qiao] internal error', value);
    // an unexpected exception's message may quote SQL or paths: the log has it, the client not
    if (!(value instanceof AppError))
      error = new AppError('internal', 'Internal error (details are in the server log)');
  }
  const status = error.status as ContentfulStatusCode;
  if (error.retryAfter !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfter)));
  if (c.req.path.startsWith('/v1/')) {
    return c.json(
      {
        error: {
          message: error.message,
          type: openaiErrorType(error.code),
          code: error.code,
          param: null,
          ...(error.details ? { details: error.details } : {}),
        },
      },
      status,
    );
  }
  return c.json({ error: error.toJSON() }, status);
}

export function notFound(c: Context): Response {
  return errorResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`));
}
