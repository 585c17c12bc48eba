import { AppError } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses bodies over `maxBytes`. A declared Content-Length is checked from the header alone
 * (Node's parser holds the body to it), without turning the body into a Web stream first,
 * which hono's bodyLimit does for every request; chunked bodies are counted as they arrive.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  const counted = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (Number(length) > maxBytes) throw tooLarge();
    await next();
  };
}
