import { feedbackBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { setFeedback } from './feedback-store';

/** Mounted at /api/messages: like / dislike an answer of the user's own conversations. */
export function feedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/:id/feedback', async (c) => {
    const body = await readJson(c, feedbackBody);
    return c.json(await setFeedback(deps.database.db, c.get('auth').userId, c.req.param('id'), body));
  });
  return app;
}
