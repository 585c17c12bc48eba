import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAuthTestKit } from '../auth/auth-test-kit';
import { createUser } from './user-store';

let kit: Awaited<ReturnType<typeof createAuthTestKit>>;
let adminCookie: string;
let memberCookie: string;
let asAdmin: { headers: { cookie: string } };
beforeAll(async () => {
  kit = await createAuthTestKit({ localToken: 'local-token-for-user-routes-0123456' });
  await createUser(kit.db, { username: 'boss', password: 'boss password', role: 'admin' });
  await createUser(kit.db, { username: 'worker', password: 'worker password' });
  adminCookie = await kit.login('boss', 'boss password');
  memberCookie = await kit.login('worker', 'worker password');
  asAdmin = { headers: { cookie: adminCookie } };
});
afterAll(() => kit.close());

test('members get 403 on every user route; anonymous callers 401', async () => {
  const headers = { cookie: memberCookie };
  expect((await kit.request('/api/users', { headers })).status).toBe(403);
  const post = await kit.request('/api/users', {
    method: 'POST',
    headers,
    json: { username: 'x1', password: 'x password' },
  });
  expect(post.status).toBe(403);
  expect(await post.json()).toEqual({
    error: { code: 'forbidden', message: 'Only administrators can do this' },
  });
  expect((await kit.request('/api/users')).status).toBe(401);
});

test('admins list and create users; the hash never leaves', async () => {
  const created = await kit.request('/api/users', {
    ...asAdmin,
    method: 'POST',
    json: { username: 'helper', password: 'helper password', admin: true },
  });
  expect(created.status).toBe(201);
  expect(await created.json()).toMatchObject({
    user: { username: 'helper', role: 'admin', disabled: false },
  });
  const list = await kit.request('/api/users', asAdmin);
  const body = (await list.json()) as { users: { username: string }[] };
  expect(body.users.map((u) => u.username)).toEqual(['boss', 'worker', 'helper']);
  expect(JSON.stringify(body)).not.toContain('scrypt');
});

test('create errors: taken name 409, weak password 400', async () => {
  const taken = await kit.request('/api/users', {
    ...asAdmin,
    method: 'POST',
    json: { username: 'Worker', password: 'long password' },
  });
  expect(taken.status).toBe(409);
  const weak = await kit.request('/api/users', {
    ...asAdmin,
    method: 'POST',
    json: { username: 'newbie', password: '123' },
  });
  expect(weak.status).toBe(400);
  expect(((await weak.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
});

test('the local CLI may create users', async () => {
  const res = await kit.request('/api/users', {
    method: 'POST',
    headers: { authorization: 'Bearer local-token-for-user-routes-0123456' },
    json: { username: 'from-cli', password: 'cli password' },
  });
  expect(res.status).toBe(201);
});

test('admins disable and re-enable users, but not themselves', async () => {
  const list = (await (await kit.request('/api/users', asAdmin)).json()) as {
    users: { id: string; username: string }[];
  };
  const worker = list.users.find((u) => u.username === 'worker')!;
  const boss = list.users.find((u) => u.username === 'boss')!;
  const off = await kit.request(`/api/users/${worker.id}`, {
    ...asAdmin,
    method: 'PATCH',
    json: { disabled: true },
  });
  expect(await off.json()).toMatchObject({ user: { disabled: true } });
  expect((await kit.request('/api/auth/me', { headers: { cookie: memberCookie } })).status).toBe(401);
  const on = await kit.request(`/api/users/${worker.id}`, {
    ...asAdmin,
    method: 'PATCH',
    json: { disabled: false },
  });
  expect(await on.json()).toMatchObject({ user: { disabled: false } });
  const self = await kit.request(`/api/users/${boss.id}`, {
    ...asAdmin,
    method: 'PATCH',
    json: { disabled: true },
  });
  expect(self.status).toBe(409);
  const missing = await kit.request('/api/users/nope', {
    ...asAdmin,
    method: 'PATCH',
    json: { disabled: true },
  });
  expect(missing.status).toBe(404);
});
