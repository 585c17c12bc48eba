import { createShareBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { createShare, listShares, revokeShare } from './share-store';

/** Mounted at /api: the signed-in user's share links. */
export function shareRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.post('/conversations/:id/shares', async (c) => {
    const { messageId } = await readJson(c, createShareBody);
    return c.json(await createShare(db, c.get('auth').userId, c.req.param('id'), messageId), 201);
  });

  app.get('/shares', async (c) => c.json({ shares: await listShares(db, c.get('auth').userId) }));

  app.delete('/shares/:id', async (c) => {
    await revokeShare(db, c.get('auth').userId, c.req.param('id'));
    return c.body(null, 204);
  });

  return app;
}
