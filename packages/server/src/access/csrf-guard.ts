import { AppError, isReadMethod } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';

/** Any value: a custom header cannot be sent cross-site without a CORS preflight Qiao never grants. */
export const csrfHeader = 'x-qiao-csrf';

/**
 * Cross-site request forgery guard for cookie sessions, on every state-changing /api request
 * that carries no Authorization header (Bearer callers are exempt: a browser never attaches
 * those on its own). The browser's own provenance headers decide: Sec-Fetch-Site must be
 * same-origin (or none: typed by the user), else Origin must equal this server's origin.
 * Requests with neither header come from non-browser clients (every browser that could be
 * tricked into a cross-site POST sends Origin), so they pass, as in Go's CrossOriginProtection.
 */
export const csrfGuard: MiddlewareHandler = async (c, next) => {
  if (isReadMethod(c.req.method) || c.req.header('authorization') !== undefined) return next();
  if (c.req.header(csrfHeader) !== undefined) return next();
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return next();
    throw refused(`a ${site} request`);
  }
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (origin === new URL(c.req.url).origin) return next();
    throw refused(`a request from ${origin}`);
  }
  return next();
};

const refused = (what: string) =>
  new AppError(
    'forbidden',
    `Cross-site request refused (${what}): use the Qiao web app, or send "Authorization: Bearer <API key>"`,
  );
