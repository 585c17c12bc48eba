import { type SearchResult, searchBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { requireKbRole } from './kb-access';
import { retrieve } from './retrieve';

/** Hit test: ranked chunks with the score of each retriever, relevance 0..1 and whether chat would use them. */
export function searchRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.post('/:id/search', async (c) => {
    const body = await readJson(c, searchBody);
    const auth = c.get('auth');
    const { kb } = await requireKbRole(db, auth.userId, c.req.param('id'), 'read');
    const result = await retrieve(
      { db, config: deps.config, gateway: deps.gateway },
      {
        userId: auth.userId,
        kbIds: [kb.id],
        query: body.query,
        topK: body.topK,
        mode: body.mode,
        signal: c.req.raw.signal,
      },
    );
    // below-threshold hits stay in the list, marked: the hit test shows what chat would drop
    return c.json({
      mode: result.mode,
      hits: result.hits,
      notes: result.notes,
      scoreThreshold: result.settings.scoreThreshold,
    } satisfies SearchResult);
  });

  return app;
}
