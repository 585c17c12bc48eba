import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createApiKey, revokeApiKey } from '../users/api-key-store';
import { setUserDisabled } from '../users/set-user-disabled';
import { createUser, type User } from '../users/user-store';
import { createAuthTestKit } from './auth-test-kit';
import { createSession } from './session-store';

const localToken = 'local-token-for-tests-0123456789abcdef';
let kit: Awaited<ReturnType<typeof createAuthTestKit>>;
let admin: User;
let member: User;
beforeAll(async () => {
  kit = await createAuthTestKit({ localToken });
  admin = await createUser(kit.db, { username: 'root-admin', password: 'admin password', role: 'admin' });
  member = await createUser(kit.db, { username: 'member', password: 'member password' });
});
afterAll(() => kit.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('requireAuth', () => {
  test('an API key authenticates, under /api and /v1', async () => {
    const { key, id } = await createApiKey(kit.db, { userId: member.id, name: 'k' });
    for (const path of ['/api/whoami', '/v1/whoami']) {
      const res = await kit.request(path, bearer(key));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        userId: member.id,
        username: 'member',
        role: 'member',
        apiKeyId: id,
      });
    }
  });

  test('the session cookie authenticates', async () => {
    const { token } = await createSession(kit.db, admin.id);
    const res = await kit.request('/api/whoami', { headers: { cookie: `qiao_session=${token}` } });
    expect(await res.json()).toEqual({ userId: admin.id, username: 'root-admin', role: 'owner' });
  });

  test('a database that fails during a session lookup is a 503 with Retry-After, not a 500', async () => {
    const { token } = await createSession(kit.db, admin.id);
    const spy = vi.spyOn(kit.db, 'select').mockImplementation(() => {
      throw new Error('timeout exceeded when trying to connect');
    });
    try {
      const res = await kit.request('/api/whoami', { headers: { cookie: `qiao_session=${token}` } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
    } finally {
      spy.mockRestore();
    }
  });

  test('the local token acts as the first admin', async () => {
    const res = await kit.request('/api/whoami', bearer(localToken));
    expect(await res.json()).toEqual({ userId: admin.id, username: 'local-cli', role: 'owner', local: true });
  });

  test('no credentials: 401 in the REST shape', async () => {
    const res = await kit.request('/api/whoami');
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toEqual({
      error: { code: 'unauthorized', message: expect.stringContaining('Authentication required') },
    });
  });

  test('garbage credentials are 401; /v1 answers in the OpenAI shape', async () => {
    const cases: Record<string, string>[] = [
      { authorization: 'Bearer sk-qiao-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      { authorization: 'Bearer something-else' },
      { authorization: `Bearer ${localToken}x` },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: 'Bearer' },
      { cookie: 'qiao_session=forged' },
    ];
    for (const headers of cases) {
      const res = await kit.request('/api/whoami', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unauthorized');
    }
    const res = await kit.request('/v1/whoami', bearer('sk-qiao-nope'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        message: 'Invalid or revoked API key',
        type: 'authentication_error',
        code: 'unauthorized',
        param: null,
      },
    });
  });

  test('a failing Bearer header is not rescued by a valid cookie', async () => {
    const { token } = await createSession(kit.db, admin.id);
    const res = await kit.request('/api/whoami', {
      headers: { authorization: 'Bearer sk-qiao-bad', cookie: `qiao_session=${token}` },
    });
    expect(res.status).toBe(401);
  });

  test('revoked keys and disabled users are rejected', async () => {
    const { key, id } = await createApiKey(kit.db, { userId: member.id, name: 'r' });
    expect((await kit.request('/v1/whoami', bearer(key))).status).toBe(200);
    await revokeApiKey(kit.db, id);
    expect((await kit.request('/v1/whoami', bearer(key))).status).toBe(401);

    const other = await createUser(kit.db, { username: 'soon-disabled', password: 'some password' });
    const { key: otherKey } = await createApiKey(kit.db, { userId: other.id, name: 'k' });
    const { token } = await createSession(kit.db, other.id);
    await setUserDisabled(kit.db, other.id, true);
    expect((await kit.request('/v1/whoami', bearer(otherKey))).status).toBe(401);
    expect((await kit.request('/api/whoami', { headers: { cookie: `qiao_session=${token}` } })).status).toBe(
      401,
    );
  });
});

test('without a configured local token, no Bearer token other than a key works', async () => {
  const bare = await createAuthTestKit();
  try {
    expect((await bare.request('/api/whoami', bearer(localToken))).status).toBe(401);
    expect((await bare.request('/api/whoami', bearer(''))).status).toBe(401);
  } finally {
    await bare.close();
  }
});
