import { usageQuery } from '@qiao/core';
import { Hono } from 'hono';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { usageReport } from './usage-report';

/**
 * `GET /?days&tz`: requests, tokens, cost and latency from the request log. `everyone`
 * (mounted at /api/admin/usage) is for administrators; `own` (/api/me/usage) is the caller's.
 */
export function usageRoutes(deps: AppDeps, whose: 'everyone' | 'own'): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (whose === 'everyone') app.use('*', requireAdmin);
  app.get('/', async (c) => {
    const { days, tz } = parseWith(usageQuery, c.req.query());
    const userId = whose === 'own' ? c.get('auth').userId : undefined;
    return c.json(await usageReport(deps.database.db, { days, timeZone: tz, userId }));
  });
  return app;
}
