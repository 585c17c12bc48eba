import { AppError, moderationCategoryId } from '@qiao/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { appendAudit } from './audit-log';
import { deleteTerm, hitStats, listTerms } from './lexicon-term-store';
import { moderationLexiconFor } from './moderation-lexicon';

const termsQuery = z.object({
  category: moderationCategoryId.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

const hitsQuery = z.object({ since: z.coerce.date().optional() });

/**
 * Also mounted at /api/admin/moderation, beside moderation-routes.ts: single terms (list with
 * hit counts, remove one) and hit statistics per category and term. Admins only.
 */
export function lexiconTermRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;
  const lexicon = moderationLexiconFor(db);
  app.use('*', requireAdmin);

  app.get('/terms', async (c) => {
    await lexicon.get(); // seeds the default lexicon on a fresh database
    return c.json({ terms: await listTerms(db, parseWith(termsQuery, c.req.query())) });
  });

  app.delete('/terms/:id', async (c) => {
    const removed = await deleteTerm(db, c.req.param('id'));
    if (!removed) throw new AppError('not_found', 'No such term');
    lexicon.invalidate();
    await appendAudit(db, c.get('auth'), {
      action: 'moderation.term.delete',
      target: removed.category,
      detail: { term: removed.term },
    });
    return c.body(null, 204);
  });

  app.get('/hits', async (c) => {
    const { since } = parseWith(hitsQuery, c.req.query());
    return c.json(await hitStats(db, since));
  });

  return app;
}
