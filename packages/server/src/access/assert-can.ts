import { AppError, can, type Permission, permissions } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';
import { currentAuth } from '../auth/current-auth';
import type { AppEnv, AuthContext } from '../http/app-env';

/** The one server-side check of the permission table in @qiao/core (auth/permissions.ts). */
export function assertCan(auth: AuthContext, permission: Permission): void {
  if (!can(auth.role, permission)) throw new AppError('forbidden', refusal(auth, permission));
}

function refusal(auth: AuthContext, permission: Permission): string {
  const allowed: readonly string[] = permissions[permission];
  if (allowed.length === 1 && allowed[0] === 'owner') return 'Only the owner can do this';
  if (!allowed.includes('member')) return 'Only administrators can do this';
  return `Your role (${auth.role}) cannot do this ("${permission}")`;
}

/** Use after requireAuth. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    assertCan(currentAuth(c), permission);
    await next();
  };
}
