import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { ApiKeyCache } from './api-key-cache';
import { createApiKey } from './api-key-store';
import { createUser, type User } from './user-store';
import { flushApiKeyTouches, verifyApiKey } from './verify-api-key';

/** Issue 12 item 15: the key cache under load — one lookup per key, refreshed early, never a 500. */
let database: Database;
let user: User;
beforeAll(async () => {
  database = await createTestDatabase();
  user = await createUser(database.db, { username: 'busy', password: 'busy password' });
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());

const selects = () => vi.spyOn(database.db, 'select');
const many = (key: string, now: number, n = 200) =>
  Promise.all(Array.from({ length: n }, () => verifyApiKey(database.db, key, now)));

test('200 concurrent requests for an expired entry make one database lookup', async () => {
  const { key } = await createApiKey(database.db, { userId: user.id, name: 'stampede' });
  const t0 = Date.now();
  const cold = selects();
  expect((await many(key, t0)).every(Boolean)).toBe(true);
  expect(cold).toHaveBeenCalledTimes(1);
  cold.mockClear();
  // past the TTL: every request in flight needs the database, and they share one query
  expect((await many(key, t0 + 31_000)).every(Boolean)).toBe(true);
  expect(cold).toHaveBeenCalledTimes(1);
});

test('past the refresh point the entry is served at once and refreshed once in the background', async () => {
  const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'refresh' });
  const t0 = Date.now();
  await verifyApiKey(database.db, key, t0);
  const spy = selects();
  // 23 s is past any refresh point (15–22.5 s) and before expiry (30 s)
  const served = await many(key, t0 + 23_000);
  expect(served.every((auth) => auth?.apiKeyId === id)).toBe(true);
  expect(spy).toHaveBeenCalledTimes(1);
  // the background refresh renewed the entry: 37 s after t0 (before its next refresh point) is a hit
  await flushApiKeyTouches(database.db);
  await new Promise((resolve) => setTimeout(resolve, 50));
  spy.mockClear();
  expect(await verifyApiKey(database.db, key, t0 + 37_000)).toBeDefined();
  expect(spy).not.toHaveBeenCalled();
});

test('a failing or reset database serves the cached entry within its grace, then a 503, never a 500', async () => {
  const { key } = await createApiKey(database.db, { userId: user.id, name: 'flaky' });
  const t0 = Date.now();
  await verifyApiKey(database.db, key, t0);
  selects().mockImplementation(() => {
    throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
  });
  // refresh window and past expiry: the entry still serves while the database fails
  expect((await many(key, t0 + 20_000, 50)).every(Boolean)).toBe(true);
  expect((await many(key, t0 + 45_000, 50)).every(Boolean)).toBe(true);
  // past the grace (2 × TTL) the key cannot be vouched for: 503 with Retry-After, not 500
  await expect(verifyApiKey(database.db, key, t0 + 61_000)).rejects.toMatchObject({
    code: 'database_unavailable',
    status: 503,
    retryAfter: 1,
  });
});

test('a key revoked by another process stops within the TTL when the database answers', async () => {
  const { key, id } = await createApiKey(database.db, { userId: user.id, name: 'elsewhere' });
  const t0 = Date.now();
  await verifyApiKey(database.db, key, t0);
  await database.db.execute(sql`update api_keys set revoked_at = now() where id = ${id}`);
  // in the refresh window the request is served, and its background lookup sees the revocation
  expect(await verifyApiKey(database.db, key, t0 + 23_000)).toBeDefined();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await verifyApiKey(database.db, key, t0 + 23_100)).toBeUndefined();
  // and with no traffic in between, at the TTL
  const other = await createApiKey(database.db, { userId: user.id, name: 'idle' });
  await verifyApiKey(database.db, other.key, t0);
  await database.db.execute(sql`update api_keys set revoked_at = now() where id = ${other.id}`);
  expect(await verifyApiKey(database.db, other.key, t0 + 30_000)).toBeUndefined();
});

test('refresh points are spread between 50% and 75% of the TTL', () => {
  const auth = { apiKeyId: 'k', userId: 'u', username: 'u', role: 'member' as const };
  const points = [0, 0.5, 0.999].map(
    (r) => new ApiKeyCache(30_000, 10, () => r).set('h', auth, 0, 0).refreshAt,
  );
  expect(points[0]).toBe(15_000);
  expect(points[1]).toBe(18_750);
  expect(points[2]).toBeLessThan(22_500);
  const real = new ApiKeyCache();
  const spread = new Set(Array.from({ length: 50 }, (_, i) => real.set(`h${i}`, auth, 0, 0).refreshAt));
  expect(spread.size).toBeGreaterThan(40);
});
