import { AppError } from '@qiao/core';
import type { Context } from 'hono';
import type { AppEnv, AuthContext } from '../http/app-env';

/** The caller set by requireAuth; a route mounted without it fails closed instead of open. */
export function currentAuth(c: Context<AppEnv>): AuthContext {
  const auth = c.get('auth') as AuthContext | undefined;
  if (!auth) throw new AppError('unauthorized', 'Authentication required');
  return auth;
}
