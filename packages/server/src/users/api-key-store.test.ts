import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { ApiKeyCache, apiKeyCacheFor } from './api-key-cache';
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from './api-key-store';
import { setUserDisabled } from './set-user-disabled';
import { createUser, type User } from './user-store';
import { flushApiKeyTouches, verifyApiKey } from './verify-api-key';

let database: Database;
let user: User;
beforeAll(async () => {
  database = await createTestDatabase();
  user = await createUser(database.db, { username: 'dev', password: 'dev password' });
});
afterAll(() => database.close());

const lastUsedAt = async (id: string) => (await findApiKey(database.db, id))?.lastUsedAt ?? null;

describe('api keys', () => {
  test('create returns the full key once; the database holds only its hash and a prefix', async () => {
    const created = await createApiKey(database.db, { userId: user.id, name: ' laptop ' });
    expect(created.key).toMatch(/^sk-qiao-[A-Za-z0-9]{40}$/);
    expect(created).toMatchObject({ name: 'laptop', prefix: created.key.slice(0, 12), userId: user.id });
    const rows = await database.db.execute(sql`select key_hash, prefix from api_keys`);
    expect(JSON.stringify(rows)).not.toContain(created.key);
    const listed = await listApiKeys(database.db, user.id);
    expect(listed.map((k) => k.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  test('verify accepts the key and rejects garbage', async () => {
    const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'ci' });
    expect(await verifyApiKey(database.db, key)).toEqual({
      apiKeyId: id,
      userId: user.id,
      username: 'dev',
      role: 'member',
    });
    expect(
      await verifyApiKey(database.db, `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`),
    ).toBeUndefined();
    expect(await verifyApiKey(database.db, 'sk-qiao-short')).toBeUndefined();
    expect(await verifyApiKey(database.db, '')).toBeUndefined();
  });

  test('a revoked key stops working at once, even though it was cached', async () => {
    const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'to revoke' });
    expect(await verifyApiKey(database.db, key)).toBeDefined();
    expect(await revokeApiKey(database.db, id)).toBe(true);
    expect(await verifyApiKey(database.db, key)).toBeUndefined();
    expect(await revokeApiKey(database.db, id)).toBe(false);
    expect((await listApiKeys(database.db, user.id)).map((k) => k.id)).not.toContain(id);
  });

  test('cache hits skip the database until the TTL runs out', async () => {
    const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'cached' });
    const now = Date.now();
    expect(await verifyApiKey(database.db, key, now)).toBeDefined();
    // a change behind the cache's back (another process) is seen after the TTL at the latest
    await database.db.execute(sql`update api_keys set revoked_at = now() where id = ${id}`);
    expect(await verifyApiKey(database.db, key, now + 1_000)).toBeDefined();
    expect(await verifyApiKey(database.db, key, now + 31_000)).toBeUndefined();
  });

  test('disabling the user stops their keys at once', async () => {
    const other = await createUser(database.db, { username: 'temp', password: 'temp password' });
    const { key } = await createApiKey(database.db, { userId: other.id, name: 'k' });
    expect(await verifyApiKey(database.db, key)).toBeDefined();
    await setUserDisabled(database.db, other.id, true);
    expect(await verifyApiKey(database.db, key)).toBeUndefined();
  });

  test('last_used_at is written in the background at most once a minute', async () => {
    const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'usage' });
    const t0 = Date.now();
    await verifyApiKey(database.db, key, t0);
    await flushApiKeyTouches(database.db);
    expect((await lastUsedAt(id))?.getTime()).toBe(t0);
    await verifyApiKey(database.db, key, t0 + 10_000);
    await flushApiKeyTouches(database.db);
    expect((await lastUsedAt(id))?.getTime()).toBe(t0);
    await verifyApiKey(database.db, key, t0 + 61_000);
    await flushApiKeyTouches(database.db);
    expect((await lastUsedAt(id))?.getTime()).toBe(t0 + 61_000);
  });

  test('a cache hit is fast', async () => {
    const { key } = await createApiKey(database.db, { userId: user.id, name: 'bench' });
    await verifyApiKey(database.db, key);
    const start = performance.now();
    for (let i = 0; i < 1_000; i++) await verifyApiKey(database.db, key);
    expect((performance.now() - start) / 1_000).toBeLessThan(0.5);
    expect(apiKeyCacheFor(database.db).size).toBeGreaterThan(0);
  });
});

test('the cache is bounded and evicts the oldest entries', () => {
  const cache = new ApiKeyCache(30_000, 3);
  const auth = (n: number) => ({ apiKeyId: `k${n}`, userId: 'u', username: 'u', role: 'member' as const });
  for (let n = 0; n < 5; n++) cache.set(`h${n}`, auth(n), 0, 0);
  expect(cache.size).toBe(3);
  expect(cache.get('h0', 0)).toBeUndefined();
  expect(cache.get('h4', 0)?.auth.apiKeyId).toBe('k4');
  // expired at the TTL (a request then waits for a lookup), dropped after the grace
  expect(cache.get('h4', 30_000)?.expiresAt).toBe(30_000);
  expect(cache.get('h4', 60_000)).toBeUndefined();
});
