import { isReadMethod } from '@qiao/core';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { appendAudit } from '../safety/audit-log';

const verbs: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * Records every successful change under an admin area (`provider.update`, target = the path)
 * for routes that do not write their own entries. Bodies are left out: they may hold secrets
 * such as a provider's API key.
 */
export function auditWrites(deps: AppDeps, area: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (isReadMethod(c.req.method) || c.res.status >= 400) return;
    const verb = c.req.path.endsWith('/test') ? 'test' : (verbs[c.req.method] ?? c.req.method.toLowerCase());
    await appendAudit(deps.database.db, c.get('auth'), {
      action: `${area}.${verb}`,
      target: c.req.path,
      detail: { method: c.req.method, status: c.res.status },
    });
  };
}
