import { afterAll, beforeAll, expect, test } from 'vitest';
import { safetyEvents } from '../db/schema';
import { moderationLexiconFor } from './moderation-lexicon';
import { type ModerationTestApp, startModerationTestApp } from './moderation-test-kit';

let t: ModerationTestApp;
beforeAll(async () => {
  t = await startModerationTestApp();
});
afterAll(() => t?.close());

const call: ModerationTestApp['call'] = (...args) => t.call(...args);

test('term and hit routes are admin-only', async () => {
  for (const [method, path] of [
    ['GET', '/terms'],
    ['DELETE', '/terms/x'],
    ['GET', '/hits'],
  ] as const) {
    const res = await call(method, path, 'member');
    expect(res.status, `${method} ${path}`).toBe(403);
  }
});

test('terms list with hit counts read from safety events, and per-category/term statistics', async () => {
  await call('POST', '/import', 'admin', { text: 'spamword\nscamword', category: 'fraud' });
  const events = [
    { category: 'fraud', terms: ['spamword'] },
    { category: 'fraud', terms: ['spamword', 'scamword'] },
    { category: 'fraud', terms: ['spamword'] },
  ];
  await t.database.db.insert(safetyEvents).values(
    events.map((e) => ({
      kind: 'moderation' as const,
      direction: 'input' as const,
      category: e.category,
      action: 'block',
      detail: { terms: e.terms },
    })),
  );
  await t.database.db
    .insert(safetyEvents)
    .values({ kind: 'pii', direction: 'input', category: 'mobile', action: 'redact', detail: { count: 1 } });

  const { terms } = (await (await call('GET', '/terms?category=fraud&q=amwo', 'admin')).json()) as any;
  expect(terms.map((t: any) => [t.term, t.hits])).toEqual([
    ['scamword', 1],
    ['spamword', 3],
  ]);
  expect(terms[0].lastHitAt).toMatch(/^\d{4}-/);

  const stats = (await (await call('GET', '/hits', 'admin')).json()) as any;
  expect(stats.categories).toEqual([expect.objectContaining({ category: 'fraud', hits: 3 })]);
  expect(stats.terms[0]).toEqual({ category: 'fraud', term: 'spamword', hits: 3 });
  const later = (await (await call('GET', '/hits?since=2999-01-01', 'admin')).json()) as any;
  expect(later).toEqual({ categories: [], terms: [] });
  expect((await call('GET', '/hits?since=not-a-date', 'admin')).status).toBe(400);
  expect((await call('GET', '/terms?category=Bad-Id', 'admin')).status).toBe(400);
});

test('removing a term takes it out of the matcher and is audited', async () => {
  await call('POST', '/import', 'admin', { text: 'removeme', category: 'custom' });
  const lexicon = moderationLexiconFor(t.database.db);
  expect((await lexicon.get()).matcher.scan('say removeme now').length).toBe(1);
  const { terms } = (await (await call('GET', '/terms?q=removeme', 'admin')).json()) as any;
  expect(terms).toHaveLength(1);
  expect((await call('DELETE', `/terms/${terms[0].id}`, 'admin')).status).toBe(204);
  expect((await call('DELETE', `/terms/${terms[0].id}`, 'admin')).status).toBe(404);
  expect((await lexicon.get()).matcher.scan('say removeme now').length).toBe(0);
  const audit = (await (
    await call('GET', '/api/admin/audit?action=moderation.term.', 'admin')
  ).json()) as any;
  expect(audit.entries[0]).toMatchObject({ action: 'moderation.term.delete', target: 'custom' });
});
