import { AppError, isAdminRole } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, AuthContext } from '../http/app-env';
import { currentAuth } from './current-auth';

/** Owner or admin; finer rules go through assertCan (access/assert-can.ts). */
export function assertAdmin(auth: AuthContext): void {
  if (!isAdminRole(auth.role)) throw new AppError('forbidden', 'Only administrators can do this');
}

/** Use after requireAuth. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  assertAdmin(currentAuth(c));
  await next();
};
