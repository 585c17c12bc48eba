import { usageQuery } from '@qiao/core';
import { Hono } from 'hono';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { usageReport } from './usage-report';

/** Mounted at /api/admin/usage: requests, tokens, cost and latency from the request log. Admins only. */
export function usageRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAdmin);
  app.get('/', async (c) => {
    const { days, tz } = parseWith(usageQuery, c.req.query());
    return c.json(await usageReport(deps.database.db, { days, timeZone: tz }));
  });
  return app;
}
