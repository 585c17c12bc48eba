import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ModerationTestApp, startModerationTestApp } from './moderation-test-kit';

let t: ModerationTestApp;
beforeAll(async () => {
  t = await startModerationTestApp();
});
afterAll(() => t?.close());

const call: ModerationTestApp['call'] = (...args) => t.call(...args);

test('every moderation route is admin-only', async () => {
  for (const [method, path] of [
    ['GET', '/categories'],
    ['PUT', '/categories/custom'],
    ['DELETE', '/categories/x'],
    ['POST', '/import'],
    ['GET', '/export'],
    ['POST', '/test'],
    ['GET', '/events'],
    ['GET', '/api/admin/audit'],
  ] as const) {
    const res = await call(method, path, 'member', method === 'GET' || method === 'DELETE' ? undefined : {});
    expect(res.status, `${method} ${path}`).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  }
});

test('a fresh database has the built-in categories and the example lexicon', async () => {
  const { categories } = (await (await call('GET', '/categories', 'admin')).json()) as any;
  expect(categories.map((c: any) => c.id)).toEqual(
    expect.arrayContaining([
      'politics',
      'pornography',
      'violence',
      'terrorism',
      'fraud',
      'illegal_goods',
      'custom',
    ]),
  );
  expect(categories.find((c: any) => c.id === 'fraud')).toMatchObject({ action: 'block', builtin: true });
  expect(categories.find((c: any) => c.id === 'fraud').terms).toBeGreaterThan(0);
});

test('import (lines and CSV), set an action, test a text, export', async () => {
  const imported = await call('POST', '/import', 'admin', {
    text: 'term,category\n测试词甲,custom\n测试词乙,brand_words\n',
  });
  expect(imported.status).toBe(201);
  expect(await imported.json()).toEqual({ imported: 2, categories: ['custom', 'brand_words'] });
  const lines = await call('POST', '/import', 'admin', { text: '测试词丙\n测试词丁\n', category: 'custom' });
  expect(((await lines.json()) as any).imported).toBe(2);

  const set = await call('PUT', '/categories/custom', 'admin', { action: 'mask' });
  expect(((await set.json()) as any).category).toMatchObject({ id: 'custom', action: 'mask', terms: 3 });

  const tested = (await (
    await call('POST', '/test', 'admin', { text: '这里有测*试*词*甲，电话13800138000' })
  ).json()) as any;
  expect(tested.action).toBe('mask');
  expect(tested.masked).toBe('这里有＊＊＊＊＊＊＊，电话13800138000');
  expect(tested.hits[0]).toMatchObject({ category: 'custom', term: '测试词甲', text: '测*试*词*甲' });
  expect(tested.pii).toEqual([{ type: 'mobile', start: 13, end: 24 }]);

  const csv = await call('GET', '/export?category=custom', 'admin');
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(await csv.text()).toBe('term,category\n测试词丁,custom\n测试词丙,custom\n测试词甲,custom\n');
  const txt = await call('GET', '/export?category=brand_words&format=txt', 'admin');
  expect(await txt.text()).toBe('测试词乙\n');
});

test('bad input is a clear 400 and changes nothing', async () => {
  const bad = await call('POST', '/import', 'admin', { text: '孤词\n' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).error.message).toContain('no category');
  expect((await call('PUT', '/categories/Bad-Id', 'admin', {})).status).toBe(400);
  expect((await call('PUT', '/categories/custom', 'admin', { action: 'explode' })).status).toBe(400);
  expect((await call('DELETE', '/categories/fraud', 'admin')).status).toBe(409);
  expect((await call('GET', '/events?limit=0', 'admin')).status).toBe(400);
});

test('admin changes land in the audit log, filterable and exportable', async () => {
  await call('PUT', '/categories/violence', 'admin', { action: 'warn' });
  const { entries } = (await (
    await call('GET', '/api/admin/audit?action=moderation.', 'admin')
  ).json()) as any;
  expect(entries[0]).toMatchObject({
    actorId: 'a',
    actorName: 'admin',
    action: 'moderation.category.update',
    target: 'violence',
    detail: { action: 'warn' },
  });
  expect(entries.some((e: any) => e.action === 'moderation.import')).toBe(true);
  const csv = await (
    await call('GET', '/api/admin/audit?format=csv&action=moderation.category.update', 'admin')
  ).text();
  expect(csv.split('\n')[0]).toBe('createdAt,actorName,action,target,detail');
  expect(csv).toContain('"moderation.category.update","violence"');
  expect((await call('GET', '/api/admin/audit?action=DROP%20TABLE', 'admin')).status).toBe(400);
});
