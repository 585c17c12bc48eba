import { AppError } from '@qiao/core';
import type { Context, MiddlewareHandler } from 'hono';
import { authorizeRequest } from '../access/authorize-request';
import type { AppDeps, AppEnv, AuthContext } from '../http/app-env';
import { constantTimeEqual } from '../security/tokens';
import { apiKeyPrefix } from '../users/api-key-store';
import { findFirstAdmin } from '../users/user-store';
import { verifyApiKey } from '../users/verify-api-key';
import { runAsCaller } from './request-caller';
import { readSessionCookie } from './session-cookie';
import { findSession } from './session-store';

/** Sets `auth` from a Bearer API key, the local CLI token or the session cookie; 401 otherwise. */
export function requireAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = await authenticate(deps, c);
    await authorizeRequest(deps, c, auth);
    c.set('auth', auth);
    await runAsCaller(auth, next);
  };
}

export async function authenticate(deps: AppDeps, c: Context): Promise<AuthContext> {
  const { db } = deps.database;
  const header = c.req.header('authorization');
  // explicit credentials that fail are an error even if a cookie is also present
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <API key>"');
    if (token.startsWith(apiKeyPrefix)) {
      const auth = await verifyApiKey(db, token);
      if (!auth) throw new AppError('unauthorized', 'Invalid or revoked API key');
      return auth;
    }
    if (deps.localToken && constantTimeEqual(token, deps.localToken)) {
      const admin = await findFirstAdmin(db);
      return { userId: admin?.id ?? '', username: 'local-cli', role: admin?.role ?? 'admin', local: true };
    }
    throw new AppError('unauthorized', 'Invalid API key: Qiao keys start with "sk-qiao-"');
  }
  const session = readSessionCookie(c);
  if (session) {
    const auth = await findSession(db, session).catch((error: unknown) => {
      // a slow or reset database is a retryable 503 for the caller, not a 500
      throw new AppError('database_unavailable', 'Sessions cannot be checked right now; retry shortly', {
        retryAfter: 1,
        cause: error,
      });
    });
    if (!auth) throw new AppError('unauthorized', 'Your session has expired; please sign in again');
    return auth;
  }
  throw new AppError(
    'unauthorized',
    'Authentication required: sign in, or send "Authorization: Bearer sk-qiao-…"',
  );
}
