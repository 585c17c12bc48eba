import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession } from '../auth/session-store';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

let t: AccessTestApp;
let cookie: string;
beforeAll(async () => {
  t = await startAccessTestApp();
  cookie = `qiao_session=${(await createSession(t.db, t.people.member.id)).token}`;
}, 120_000);
afterAll(() => t.close());

const post = (headers: Record<string, string>) =>
  t.app.request('/api/topics', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: `csrf-${Math.random()}` }),
  });

test('a cross-site POST with the session cookie is refused', async () => {
  for (const headers of <Record<string, string>[]>[
    { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example' },
    { origin: 'null' },
  ]) {
    const res = await post(headers);
    expect(res.status, JSON.stringify(headers)).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('Cross-site');
  }
});

test('the web app (same origin), the CSRF header and non-browser clients pass', async () => {
  for (const headers of <Record<string, string>[]>[
    { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    { origin: 'http://localhost' },
    { 'x-qiao-csrf': '1', origin: 'https://evil.example' },
    {},
  ]) {
    expect((await post(headers)).status, JSON.stringify(headers)).toBe(201);
  }
});

test('Bearer requests and reads are exempt; sign-in is guarded too', async () => {
  const cross = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
  const bearer = await t.as('member', '/api/topics', { method: 'POST', json: { name: 'b' }, headers: cross });
  expect(bearer.status).toBe(201);
  expect((await t.app.request('/api/topics', { headers: { cookie, ...cross } })).status).toBe(200);
  const login = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...cross },
    body: JSON.stringify({ username: 'mia', password: 'whatever password' }),
  });
  expect(login.status).toBe(403);
});
