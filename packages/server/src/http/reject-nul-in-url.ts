import { AppError } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';

/**
 * Path parameters and query strings reach the database as text, and its protocol cannot carry
 * NUL: a `%00` (or a raw NUL) anywhere in the URL is the sender's 400, before any route runs.
 */
export const rejectNulInUrl: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  if (url.includes('%00') || url.includes('\u0000'))
    throw new AppError('validation_failed', 'The URL may not contain the NUL character (%00)');
  await next();
};
