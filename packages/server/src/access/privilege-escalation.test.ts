import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

/**
 * Issue 12 items 2 and 3: nobody mints a key for, or grants, rights they do not have, and a
 * restricted key's children stay inside its limits. Each test tries a hostile user's variants.
 */
let t: AccessTestApp;
let admin2: Awaited<ReturnType<AccessTestApp['addUser']>>;
beforeAll(async () => {
  t = await startAccessTestApp();
  admin2 = await t.addUser('adele', 'admin');
}, 120_000);
afterAll(() => t.close());

type Caller = Parameters<AccessTestApp['as']>[0];
const mint = (who: Caller, json: Record<string, unknown>) =>
  t.as(who, '/api/keys', { method: 'POST', json: { name: 'x', ...json } });
const patchUser = (who: Caller, id: string, json: unknown) =>
  t.as(who, `/api/users/${id}`, { method: 'PATCH', json });
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string } }).error;
/** a request from a socket address, for keys with an IP allow-list */
const from = (key: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  t.app.request(
    path,
    {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    },
    { incoming: { socket: { remoteAddress: '10.1.2.3' } } },
  );

describe('admin → owner', () => {
  test('an admin cannot mint a key for the owner, by any spelling of the name', async () => {
    for (const username of ['olivia', 'OLIVIA', ' olivia', 'olivia ', 'Ｏｌｉｖｉａ', 'ｏｌｉｖｉａ']) {
      const res = await mint('admin', { username });
      expect(res.status, username).toBe(403);
      expect((await errorOf(res)).message).toContain('rights you do not have');
    }
    // nor with its key, nor with a key of the admin scope
    const { key } = (await (await mint('admin', { scopes: ['admin'] })).json()) as { key: string };
    expect((await mint({ key }, { username: 'olivia' })).status).toBe(403);
  });

  test('an admin still mints for equals and below; the owner for anyone', async () => {
    for (const username of ['adele', 'mia', 'victor'])
      expect((await mint('admin', { username })).status).toBe(201);
    for (const username of ['adam', 'adele', 'mia'])
      expect((await mint('owner', { username })).status).toBe(201);
    // a member mints only for itself
    expect((await mint('member', { username: 'victor' })).status).toBe(403);
    expect((await mint('member', { username: 'mia' })).status).toBe(201);
  });

  test('nobody raises anyone, themselves included, above their own role', async () => {
    const { admin, member, viewer, owner } = t.people;
    for (const role of ['owner', 'admin']) {
      expect((await patchUser('admin', admin.id, { role })).status, `self → ${role}`).toBeGreaterThanOrEqual(
        403,
      );
      expect((await patchUser('admin', admin2.id, { role: 'owner' })).status).toBe(403);
      expect((await patchUser('admin', member.id, { role })).status, `member → ${role}`).toBe(403);
      const created = await t.as('admin', '/api/users', {
        method: 'POST',
        json: { username: `new-${role}`, password: 'a long password', role },
      });
      expect(created.status, `create ${role}`).toBe(403);
    }
    expect((await patchUser('admin', owner.id, { role: 'member' })).status).toBe(403);
    expect((await patchUser('member', viewer.id, { role: 'member' })).status).toBe(403);
    expect((await patchUser('member', member.id, { role: 'admin' })).status).toBe(403);
    // what the role may do still works
    expect((await patchUser('admin', viewer.id, { role: 'member' })).status).toBe(200);
    expect((await patchUser('admin', viewer.id, { role: 'viewer' })).status).toBe(200);
    const created = await t.as('admin', '/api/users', {
      method: 'POST',
      json: { username: 'new-admin-bool', password: 'a long password', admin: true },
    });
    expect(created.status).toBe(403);
  });

  test('the chain from the issue fails at its first step, and the owner is still the only owner', async () => {
    const res = await mint('admin', { username: 'olivia' });
    expect(res.status).toBe(403);
    expect((await patchUser('admin', t.people.admin.id, { role: 'owner' })).status).not.toBe(200);
    const users = (await (await t.as('owner', '/api/users')).json()) as { users: { role: string }[] };
    expect(users.users.filter((u) => u.role === 'owner')).toHaveLength(1);
  });

  test("an admin cannot revoke the owner's keys", async () => {
    const { id } = (await (await mint('owner', {})).json()) as { id: string };
    expect((await t.as('admin', `/api/keys/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await t.as('owner', `/api/keys/${id}`, { method: 'DELETE' })).status).toBe(200);
  });
});

describe("a restricted key's children", () => {
  const expiresAt = new Date(Date.now() + 86_400_000);
  const parentPolicy = {
    scopes: ['admin', 'chat'],
    ips: ['10.0.0.0/8'],
    expiresAt: expiresAt.toISOString(),
    dailyRequests: 50,
    dailyTokens: 1000,
    models: ['openai/*'],
    rateLimit: 100,
  };
  let parent: string;
  beforeAll(async () => {
    const res = await mint('admin', parentPolicy);
    expect(res.status).toBe(201);
    parent = ((await res.json()) as { key: string }).key;
  });

  test('a child that names no limits inherits all of the parent’s', async () => {
    const res = await from(parent, '/api/keys', { method: 'POST', json: { name: 'child' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const { policy } = (await res.json()) as { policy: Record<string, unknown> };
    expect(policy).toEqual(parentPolicy);
    // also when the child is minted for another user
    const forMia = await from(parent, '/api/keys', { method: 'POST', json: { name: 'c', username: 'mia' } });
    expect(((await forMia.json()) as { policy: unknown }).policy).toEqual(parentPolicy);
  });

  test('every wider limit is a 403 naming the field', async () => {
    const later = new Date(expiresAt.getTime() + 60_000).toISOString();
    const wider: [string, Record<string, unknown>][] = [
      ['scopes', { scopes: ['admin', 'chat', 'models'] }],
      ['scopes', { scopes: ['knowledge:read'] }],
      ['expiresAt', { expiresAt: later }],
      ['expiresAt', { expiresAt: '2999-01-01' }],
      ['dailyRequests', { dailyRequests: 51 }],
      ['dailyTokens', { dailyTokens: 1_000_000 }],
      ['rateLimit', { rateLimit: 101 }],
      ['models', { models: ['*'] }],
      ['models', { models: ['openai/*', 'deepseek/deepseek-chat'] }],
      ['models', { models: ['openai*'] }],
      ['models', { models: ['agent/*'] }],
      ['ips', { ips: ['0.0.0.0/0'] }],
      ['ips', { ips: ['10.0.0.0/7'] }],
      ['ips', { ips: ['11.0.0.1'] }],
      ['ips', { ips: ['::/0'] }],
      ['ips', { ips: ['::ffff:10.0.0.0/104'] }],
      ['ips', { ips: ['10.0.0.0/8', '192.168.0.0/16'] }],
    ];
    for (const [field, json] of wider) {
      const res = await from(parent, '/api/keys', { method: 'POST', json: { name: 'wide', ...json } });
      expect(res.status, JSON.stringify(json)).toBe(403);
      expect((await errorOf(res)).message).toContain(`within its own limits: ${field}`);
    }
  });

  test('narrower limits are kept, and a grandchild cannot widen back', async () => {
    const narrow = {
      scopes: ['admin'],
      models: ['openai/fixture-chat'],
      ips: ['10.1.0.0/16', '10.1.2.3'],
      dailyRequests: 5,
    };
    const res = await from(parent, '/api/keys', { method: 'POST', json: { name: 'narrow', ...narrow } });
    expect(res.status, await res.clone().text()).toBe(201);
    const child = (await res.json()) as { key: string; policy: Record<string, unknown> };
    expect(child.policy).toMatchObject({ ...narrow, dailyTokens: 1000, rateLimit: 100 });
    const grand = await from(child.key, '/api/keys', {
      method: 'POST',
      json: { name: 'g', models: ['openai/*'] },
    });
    expect(grand.status).toBe(403);
    const grandOk = await from(child.key, '/api/keys', { method: 'POST', json: { name: 'g' } });
    expect(((await grandOk.json()) as { policy: unknown }).policy).toMatchObject(narrow);
  });

  test('a full-access key or a session still creates keys with any policy', async () => {
    expect((await mint('admin', { models: ['*'], ips: ['0.0.0.0/0'] })).status).toBe(201);
  });
});

describe('a key family shares its quotas and dies with its root', () => {
  const keyOf = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; key: string };
  };

  test('children draw on their parent’s daily request quota: minting many does not multiply it', async () => {
    const parent = await keyOf(await mint('admin', { dailyRequests: 4 }));
    const first = await keyOf(await from(parent.key, '/api/keys', { method: 'POST', json: { name: 'c1' } }));
    const second = await keyOf(await from(parent.key, '/api/keys', { method: 'POST', json: { name: 'c2' } }));
    // the parent has made 2 requests: 2 more for the whole family, whichever key makes them
    expect((await from(first.key, '/v1/models')).status).toBe(200);
    expect((await from(second.key, '/v1/models')).status).toBe(200);
    const over = await from(second.key, '/v1/models');
    expect(over.status).toBe(429);
    expect((await errorOf(over)).message).toContain('of the key that created this key');
    expect((await from(parent.key, '/v1/models')).status).toBe(429);
  });

  test('revoking a key revokes every key minted from it, down the chain', async () => {
    const root = await keyOf(await mint('admin', {}));
    const child = await keyOf(await from(root.key, '/api/keys', { method: 'POST', json: { name: 'child' } }));
    const grandchild = await keyOf(
      await from(child.key, '/api/keys', { method: 'POST', json: { name: 'g' } }),
    );
    expect((await from(grandchild.key, '/v1/models')).status).toBe(200);
    expect((await t.as('admin', `/api/keys/${root.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await from(child.key, '/v1/models')).status).toBe(401);
    expect((await from(grandchild.key, '/v1/models')).status).toBe(401);
  });
});
