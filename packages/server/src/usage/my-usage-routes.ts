import { usageQuery } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { usageReport } from './usage-report';

/** Mounted at /api/me/usage: the signed-in user's own requests, tokens, cost and latency. */
export function myUsageRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const { days, tz } = parseWith(usageQuery, c.req.query());
    const userId = c.get('auth').userId;
    return c.json(await usageReport(deps.database.db, { days, timeZone: tz, userId }));
  });
  return app;
}
