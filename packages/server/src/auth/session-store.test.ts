import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { setUserDisabled } from '../users/set-user-disabled';
import { createUser, type User } from '../users/user-store';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
  sessionTtlMs,
} from './session-store';

let database: Database;
let user: User;
beforeAll(async () => {
  database = await createTestDatabase();
  user = await createUser(database.db, { username: 'alice', password: 'alice password' });
});
afterAll(() => database.close());

test('a session is found by its token and gone after delete', async () => {
  const { db } = database;
  const { token, expiresAt } = await createSession(db, user.id);
  expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(sessionTtlMs - 60_000);
  expect(await findSession(db, token)).toEqual({ userId: user.id, username: 'alice', role: 'member' });
  await deleteSession(db, token);
  expect(await findSession(db, token)).toBeUndefined();
});

test('only the sha-256 of the token is stored', async () => {
  const { token } = await createSession(database.db, user.id);
  const result = await database.db.execute(sql`select token_hash from sessions`);
  const hashes = (result as unknown as { rows: { token_hash: string }[] }).rows.map((r) => r.token_hash);
  expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  expect(hashes).not.toContain(token);
});

test('expired sessions are not found and can be swept', async () => {
  const { db } = database;
  const { token, expiresAt } = await createSession(db, user.id, { ttlMs: 1_000 });
  expect(await findSession(db, token)).toBeDefined();
  expect(await findSession(db, token, new Date(expiresAt.getTime() + 1))).toBeUndefined();
  expect(await deleteExpiredSessions(db, new Date(expiresAt.getTime() + 1))).toBeGreaterThanOrEqual(1);
});

test('unknown tokens and disabled users find nothing', async () => {
  const { db } = database;
  expect(await findSession(db, 'not-a-token')).toBeUndefined();
  const { token } = await createSession(db, user.id);
  await setUserDisabled(db, user.id, true);
  expect(await findSession(db, token)).toBeUndefined();
  await setUserDisabled(db, user.id, false);
  // disabling signed the user out everywhere
  expect(await findSession(db, token)).toBeUndefined();
});

test('a burst of requests with one session cookie makes one query (issue 12 item 15)', async () => {
  const { token } = await createSession(database.db, user.id);
  const spy = vi.spyOn(database.db, 'select');
  const found = await Promise.all(Array.from({ length: 100 }, () => findSession(database.db, token)));
  expect(found.every((auth) => auth?.userId === user.id)).toBe(true);
  expect(spy).toHaveBeenCalledTimes(1);
  spy.mockRestore();
  // nothing is cached: signing out is seen by the very next lookup
  await deleteSession(database.db, token);
  expect(await findSession(database.db, token)).toBeUndefined();
});
