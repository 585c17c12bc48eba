import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../users/user-store';
import { cookieFrom, createAuthTestKit } from './auth-test-kit';
import { firstRunNotice } from './first-run-notice';

let remote: string | undefined = '10.0.0.8';
const localToken = 'local-token-for-auth-routes-0123456789';
let kit: Awaited<ReturnType<typeof createAuthTestKit>>;
beforeAll(async () => {
  kit = await createAuthTestKit({ remoteAddress: () => remote, localToken });
});
afterAll(() => kit.close());

const setup = (json: unknown, headers: Record<string, string> = {}) =>
  kit.request('/api/auth/setup', { method: 'POST', json, headers });

describe('first run', () => {
  test('before any user: the notice, needsSetup, and a local CLI acting for nobody', async () => {
    const notice = await firstRunNotice(kit.db, 3123);
    expect(notice).toContain('http://127.0.0.1:3123/setup');
    expect(notice).toContain("npx qiao users create --name admin --password '");
    expect(await firstRunNotice(kit.db, 'http://127.0.0.1:4000/')).toContain('http://127.0.0.1:4000/setup');
    expect(await (await kit.request('/api/auth/setup')).json()).toEqual({ needsSetup: true });
    const me = await kit.request('/api/auth/me', { headers: { authorization: `Bearer ${localToken}` } });
    expect(await me.json()).toEqual({ user: { id: '', username: 'local-cli', role: 'admin', local: true } });
  });

  test('setup from another machine, or through a proxy, is forbidden', async () => {
    remote = '10.0.0.8';
    expect((await setup({ username: 'admin', password: 'admin password' })).status).toBe(403);
    remote = undefined;
    expect((await setup({ username: 'admin', password: 'admin password' })).status).toBe(403);
    remote = '127.0.0.1';
    const proxied = await setup(
      { username: 'admin', password: 'admin password' },
      { 'x-forwarded-for': '1.2.3.4' },
    );
    expect(proxied.status).toBe(403);
  });

  test('setup validates, then creates the first admin from loopback and signs in', async () => {
    remote = '127.0.0.1';
    expect((await setup({ username: 'admin', password: 'short' })).status).toBe(400);
    expect((await setup({ username: 'admin' })).status).toBe(400);
    const res = await setup({ username: 'admin', password: 'admin password' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: { id: string } };
    expect(body.user).toMatchObject({ username: 'admin', role: 'owner' });
    const me = await kit.request('/api/auth/me', { headers: { cookie: cookieFrom(res) } });
    expect(await me.json()).toEqual({ user: { id: body.user.id, username: 'admin', role: 'owner' } });
  });

  test('after setup: 409, needsSetup false, no notice', async () => {
    const res = await setup({ username: 'another', password: 'admin password' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect(await (await kit.request('/api/auth/setup')).json()).toEqual({ needsSetup: false });
    expect(await firstRunNotice(kit.db, 3000)).toBeNull();
  });
});

describe('login, me, logout', () => {
  test('login sets a session cookie with the right attributes', async () => {
    await createUser(kit.db, { username: 'carol', password: 'carol password' });
    const res = await kit.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'carol', password: 'carol password' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: expect.any(String), username: 'carol', role: 'member' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^qiao_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=259(1999|2000);/);
    expect(cookie).not.toContain('Secure');
  });

  test('over https the cookie is Secure', async () => {
    const res = await kit.app.request('https://qiao.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'carol', password: 'carol password' }),
    });
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  test('bad credentials get one generic 401, for known and unknown names alike', async () => {
    const wrong = await kit.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'carol', password: 'nope nope' },
    });
    const unknown = await kit.request('/api/auth/login', {
      method: 'POST',
      json: { username: 'nobody', password: 'nope nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const malformed = await kit.request('/api/auth/login', { method: 'POST', body: 'not json' });
    expect(malformed.status).toBe(400);
  });

  test('guessing is throttled: after 5 failures the name is locked, even for the right password', async () => {
    const attempt = (password: string) =>
      kit.request('/api/auth/login', { method: 'POST', json: { username: 'dave', password } });
    await createUser(kit.db, { username: 'dave', password: 'dave password' });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    const locked = await attempt('dave password');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as any).error.message).toMatch(/Too many failed sign-ins/);
  });

  test('the lock follows the account, however the name is spelled (issue 12 item 11)', async () => {
    await createUser(kit.db, { username: 'erin', password: 'erin password' });
    await createUser(kit.db, { username: 'ivan', password: 'ivan password' });
    const attempt = (username: string, password: string) =>
      kit.request('/api/auth/login', { method: 'POST', json: { username, password } });
    for (const name of [' erin', 'Erin', 'ERIN ', 'ｅｒｉｎ', 'erin\u3000'])
      expect((await attempt(name, 'wrong guess')).status, name).toBe(401);
    expect((await attempt('erin', 'erin password')).status).toBe(429);
    expect((await attempt('\terin', 'erin password')).status).toBe(429);
    // "İVAN" finds ivan where the database lower-cases İ to i (PGlite), while JavaScript makes
    // it "i̇van": counting by name would give it a fresh count; counting by account does not
    for (const name of ['İVAN', 'İvan', ' ivan', 'IVAN', 'ｉｖａｎ', 'ivan ', 'Ivan'])
      expect([401, 429], name).toContain((await attempt(name, 'wrong guess')).status);
    expect((await attempt('ivan', 'ivan password')).status).toBe(429);
  });

  test('me needs auth; logout ends the session', async () => {
    expect((await kit.request('/api/auth/me')).status).toBe(401);
    const cookie = await kit.login('carol', 'carol password');
    expect((await kit.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    const out = await kit.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^qiao_session=;.*Max-Age=0/);
    expect((await kit.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await kit.request('/api/auth/logout', { method: 'POST' })).status).toBe(200);
  });
});
