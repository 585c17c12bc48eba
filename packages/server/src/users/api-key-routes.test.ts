import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAuthTestKit } from '../auth/auth-test-kit';
import { createUser } from './user-store';

const localToken = 'local-token-for-key-routes-01234567';
let kit: Awaited<ReturnType<typeof createAuthTestKit>>;
let admin: { cookie: string };
let alice: { cookie: string };
let bob: { cookie: string };
beforeAll(async () => {
  kit = await createAuthTestKit({ localToken });
  await createUser(kit.db, { username: 'admin', password: 'admin password', role: 'admin' });
  await createUser(kit.db, { username: 'alice', password: 'alice password' });
  await createUser(kit.db, { username: 'bob', password: 'bob password' });
  admin = { cookie: await kit.login('admin', 'admin password') };
  alice = { cookie: await kit.login('alice', 'alice password') };
  bob = { cookie: await kit.login('bob', 'bob password') };
});
afterAll(() => kit.close());

interface KeyBody {
  id: string;
  name: string;
  key: string;
  prefix: string;
}

async function create(headers: Record<string, string>, json: unknown): Promise<Response> {
  return kit.request('/api/keys', { method: 'POST', headers, json });
}

test('a user creates a key, sees it listed without the secret, and uses it', async () => {
  const res = await create(alice, { name: 'notebook' });
  expect(res.status).toBe(201);
  const body = (await res.json()) as KeyBody;
  expect(body).toMatchObject({ name: 'notebook', prefix: body.key.slice(0, 12) });
  expect(body.key).toMatch(/^sk-qiao-/);
  const list = await (await kit.request('/api/keys', { headers: alice })).text();
  expect(list).toContain(body.id);
  expect(list).not.toContain(body.key);
  const me = await kit.request('/api/auth/me', { headers: { authorization: `Bearer ${body.key}` } });
  expect(await me.json()).toMatchObject({ user: { username: 'alice' } });
});

test('only admins create or list keys for someone else', async () => {
  expect((await create(alice, { name: 'x', username: 'bob' })).status).toBe(403);
  expect((await create(alice, { name: 'mine', username: 'alice' })).status).toBe(201);
  expect((await kit.request('/api/keys?username=bob', { headers: alice })).status).toBe(403);
  const forBob = await create(admin, { name: 'for bob', username: 'bob' });
  expect(forBob.status).toBe(201);
  const { id } = (await forBob.json()) as KeyBody;
  expect(await (await kit.request('/api/keys', { headers: bob })).text()).toContain(id);
  expect(await (await kit.request('/api/keys?username=bob', { headers: admin })).text()).toContain(id);
  expect((await create(admin, { name: 'x', username: 'ghost' })).status).toBe(404);
  expect((await create(admin, { name: '' })).status).toBe(400);
});

test('the local CLI creates keys for a named user, or the first admin by default', async () => {
  const headers = { authorization: `Bearer ${localToken}` };
  const named = await create(headers, { name: 'cli', username: 'bob' });
  expect(named.status).toBe(201);
  const { key } = (await named.json()) as KeyBody;
  const me = await kit.request('/api/auth/me', { headers: { authorization: `Bearer ${key}` } });
  expect(await me.json()).toMatchObject({ user: { username: 'bob' } });
  const byDefault = (await (await create(headers, { name: 'cli default' })).json()) as KeyBody;
  const meDefault = await kit.request('/api/auth/me', {
    headers: { authorization: `Bearer ${byDefault.key}` },
  });
  expect(await meDefault.json()).toMatchObject({ user: { username: 'admin' } });
});

test('revoking: own keys, or any as admin; the key stops working at once', async () => {
  const created = (await (await create(bob, { name: 'temp' })).json()) as KeyBody;
  const auth = { authorization: `Bearer ${created.key}` };
  expect((await kit.request('/api/auth/me', { headers: auth })).status).toBe(200);

  const byAlice = await kit.request(`/api/keys/${created.id}`, { method: 'DELETE', headers: alice });
  expect(byAlice.status).toBe(404);
  const byBob = await kit.request(`/api/keys/${created.id}`, { method: 'DELETE', headers: bob });
  expect(byBob.status).toBe(200);
  expect((await kit.request('/api/auth/me', { headers: auth })).status).toBe(401);
  expect((await kit.request(`/api/keys/${created.id}`, { method: 'DELETE', headers: bob })).status).toBe(404);

  const other = (await (await create(bob, { name: 'other' })).json()) as KeyBody;
  expect((await kit.request(`/api/keys/${other.id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
  expect(await (await kit.request('/api/keys', { headers: bob })).text()).not.toContain(other.id);
});
