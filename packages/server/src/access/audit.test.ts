import { afterAll, beforeAll, expect, test } from 'vitest';
import { safetyEvents } from '../db/schema';
import { createApiKey } from '../users/api-key-store';
import { createUser } from '../users/user-store';
import { flushApiKeyTouches, verifyApiKey } from '../users/verify-api-key';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
  await createUser(t.db, { username: 'lena', password: 'lena password 1' });
}, 120_000);
afterAll(() => t.close());

interface Entry {
  action: string;
  actorName: string | null;
  target: string | null;
  detail: Record<string, unknown> | null;
}
const audit = async (query: string) => {
  const res = await t.as('admin', `/api/admin/audit?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Entry[] }).entries;
};
const login = (password: string, username = 'lena') =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

test('sign-ins are audited, success and failure, never with the password', async () => {
  expect((await login('wrong password')).status).toBe(401);
  expect((await login('lena password 1')).status).toBe(200);
  expect((await login('x', '=HYPERLINK("evil")')).status).toBe(401);
  const entries = await audit('action=auth.');
  expect(entries.map((e) => e.action)).toEqual(['auth.login.failure', 'auth.login', 'auth.login.failure']);
  expect(entries[1]).toMatchObject({ actorName: 'lena' });
  expect(JSON.stringify(entries)).not.toContain('wrong password');
  // CSV export neutralises spreadsheet formulas in attacker-chosen names
  const csv = await (await t.as('admin', '/api/admin/audit?action=auth.&format=csv')).text();
  expect(csv.split('\n')[0]).toBe('createdAt,actorName,action,target,detail');
  expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
});

test('provider changes are audited without their secrets', async () => {
  const created = await t.as('admin', '/api/providers', {
    method: 'POST',
    json: { id: 'vllm', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-secret-provider-key' },
  });
  expect(created.status).toBe(201);
  expect((await t.as('admin', '/api/providers/vllm', { method: 'DELETE' })).status).toBe(204);
  const entries = await audit('action=provider.&actor=adam');
  expect(entries.map((e) => [e.action, e.target])).toEqual([
    ['provider.delete', '/api/providers/vllm'],
    ['provider.create', '/api/providers'],
  ]);
  expect(JSON.stringify(entries)).not.toContain('sk-secret');
});

test('key use is recorded once per key and UTC day, not per request', async () => {
  const { key, id } = await createApiKey(t.db, { userId: t.people.member.id, name: 'daily' });
  const day1 = Date.UTC(2030, 0, 1, 10);
  for (const offset of [0, 61_000, 122_000]) await verifyApiKey(t.db, key, day1 + offset);
  await verifyApiKey(t.db, key, day1 + 86_400_000);
  await flushApiKeyTouches(t.db);
  const uses = (await audit('action=key.use&limit=1000')).filter((e) => e.target === id);
  expect(uses.map((e) => e.detail?.day)).toEqual(['2030-01-02', '2030-01-01']);
});

test('safety events join the log; filters by time; JSONL export; admins only', async () => {
  await t.db.insert(safetyEvents).values({
    kind: 'pii',
    direction: 'input',
    category: 'phone',
    action: 'redact',
    detail: { count: 1 },
    userId: t.people.member.id,
  });
  const safety = await audit('action=safety.');
  expect(safety).toHaveLength(1);
  expect(safety[0]).toMatchObject({ action: 'safety.pii.redact', target: 'phone' });
  expect(await audit(`action=safety.pii.redact&actor=${t.people.member.id}`)).toHaveLength(1);
  expect(await audit('until=2000-01-01')).toHaveLength(0);
  expect((await audit(`since=${new Date(Date.now() - 3_600_000).toISOString()}`)).length).toBeGreaterThan(3);

  const jsonl = await t.as('owner', '/api/admin/audit?format=jsonl&limit=5');
  expect(jsonl.headers.get('content-type')).toContain('ndjson');
  const lines = (await jsonl.text()).trim().split('\n');
  expect(lines).toHaveLength(5);
  expect(() => lines.map((l) => JSON.parse(l))).not.toThrow();

  for (const role of ['member', 'viewer'] as const) {
    expect((await t.as(role, '/api/admin/audit')).status).toBe(403);
  }
});
