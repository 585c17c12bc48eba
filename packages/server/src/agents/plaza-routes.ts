import { agentCategories, plazaQuery, reviewSubmissionBody } from '@qiao/core';
import { Hono } from 'hono';
import { currentAuth } from '../auth/current-auth';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { readJson } from '../http/read-json';
import { listPlaza, listSubmissions, reviewSubmission } from './plaza-store';

/** /api/plaza: browse and search agents; administrators review what people submit. */
export function plazaRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/', async (c) => {
    const filter = parseWith(plazaQuery, c.req.query());
    return c.json({ categories: agentCategories, agents: await listPlaza(db, currentAuth(c), filter) });
  });

  app.get('/submissions', requireAdmin, async (c) => {
    const status = c.req.query('status');
    const valid = status === 'pending' || status === 'approved' || status === 'rejected' ? status : undefined;
    return c.json({ submissions: await listSubmissions(db, valid) });
  });

  app.post('/submissions/:id/review', requireAdmin, async (c) => {
    const body = await readJson(c, reviewSubmissionBody);
    return c.json(await reviewSubmission(db, currentAuth(c), c.req.param('id'), body.decision, body.note));
  });

  return app;
}
