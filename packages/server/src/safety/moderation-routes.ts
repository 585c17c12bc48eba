import {
  detectInjection,
  detectPii,
  formatLexiconCsv,
  importLexiconBody,
  moderateText,
  moderationCategoryId,
  moderationTestBody,
  parseLexiconFile,
  updateModerationCategoryBody,
} from '@qiao/core';
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import { safetyEvents } from '../db/schema';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { readJson } from '../http/read-json';
import { appendAudit } from './audit-log';
import { deleteCategory, exportTerms, importTerms, listCategories, upsertCategory } from './lexicon-store';
import { moderationLexiconFor } from './moderation-lexicon';

const exportQuery = z.object({
  category: moderationCategoryId.optional(),
  format: z.enum(['csv', 'txt']).default('csv'),
});

const eventsQuery = z.object({
  kind: z.enum(['moderation', 'pii', 'injection', 'leak']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Mounted at /api/admin/moderation: lexicons, actions, import/export, a text tester, events. Admins only. */
export function moderationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;
  const lexicon = moderationLexiconFor(db);
  app.use('*', requireAdmin);

  app.get('/categories', async (c) => {
    await lexicon.get(); // seeds the default categories on a fresh database
    return c.json({ categories: await listCategories(db) });
  });

  app.put('/categories/:id', async (c) => {
    const id = parseWith(moderationCategoryId, c.req.param('id'));
    const patch = await readJson(c, updateModerationCategoryBody);
    await upsertCategory(db, id, patch);
    lexicon.invalidate();
    await appendAudit(db, c.get('auth'), { action: 'moderation.category.update', target: id, detail: patch });
    return c.json({ category: (await listCategories(db)).find((cat) => cat.id === id) });
  });

  app.delete('/categories/:id', async (c) => {
    const id = parseWith(moderationCategoryId, c.req.param('id'));
    await deleteCategory(db, id);
    lexicon.invalidate();
    await appendAudit(db, c.get('auth'), { action: 'moderation.category.delete', target: id });
    return c.body(null, 204);
  });

  app.post('/import', async (c) => {
    const body = await readJson(c, importLexiconBody);
    await lexicon.get();
    const result = await importTerms(db, parseLexiconFile(body.text), body);
    lexicon.invalidate();
    await appendAudit(db, c.get('auth'), {
      action: 'moderation.import',
      target: result.categories.join(','),
      detail: { imported: result.imported, replace: body.replace ?? false },
    });
    return c.json(result, 201);
  });

  app.get('/export', async (c) => {
    const query = parseWith(exportQuery, c.req.query());
    const terms = await exportTerms(db, query.category);
    const name = `qiao-lexicon${query.category ? `-${query.category}` : ''}.${query.format}`;
    c.header('content-disposition', `attachment; filename="${name}"`);
    if (query.format === 'txt') {
      c.header('content-type', 'text/plain; charset=utf-8');
      return c.body(terms.map((t) => t.term).join('\n') + (terms.length ? '\n' : ''));
    }
    c.header('content-type', 'text/csv; charset=utf-8');
    return c.body(formatLexiconCsv(terms));
  });

  app.post('/test', async (c) => {
    const { text } = await readJson(c, moderationTestBody);
    const { matcher } = await lexicon.get();
    const verdict = moderateText(matcher, text);
    return c.json({
      action: verdict.action,
      masked: verdict.text,
      hits: verdict.hits.map((h) => ({
        ...h.data,
        term: h.term,
        start: h.start,
        end: h.end,
        text: text.slice(h.start, h.end),
      })),
      pii: detectPii(text).map(({ type, start, end }) => ({ type, start, end })),
      injection: detectInjection(text),
    });
  });

  app.get('/events', async (c) => {
    const query = parseWith(eventsQuery, c.req.query());
    const events = await db
      .select()
      .from(safetyEvents)
      .where(query.kind ? eq(safetyEvents.kind, query.kind) : undefined)
      .orderBy(desc(safetyEvents.createdAt))
      .limit(query.limit);
    return c.json({ events });
  });

  return app;
}
