import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { sessions, users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { randomToken, sha256Hex } from '../security/tokens';

export const sessionTtlMs = 30 * 24 * 60 * 60 * 1000;

export interface NewSession {
  /** the cookie value; returned once, only its sha-256 is stored */
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  options: { now?: Date; ttlMs?: number } = {},
): Promise<NewSession> {
  const now = options.now ?? new Date();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? sessionTtlMs));
  await db.insert(sessions).values({ tokenHash: sha256Hex(token), userId, expiresAt });
  return { token, expiresAt };
}

/** per database handle: session lookups in flight, by token hash */
const inflight = new WeakMap<object, Map<string, Promise<AuthContext | undefined>>>();

/**
 * The caller behind a session token; undefined when unknown, expired or the user is disabled.
 * Not cached, so signing out or disabling takes effect on the next request; but the burst of
 * parallel requests a page load makes shares one query (single flight), so sessions do not
 * multiply the load on the embedded database's one connection.
 */
export function findSession(db: Db, token: string, now: Date = new Date()): Promise<AuthContext | undefined> {
  const hash = sha256Hex(token);
  const flights = inflight.get(db) ?? new Map<string, Promise<AuthContext | undefined>>();
  inflight.set(db, flights);
  const pending = flights.get(hash);
  if (pending) return pending;
  const flight = querySession(db, hash, now).finally(() => flights.delete(hash));
  flights.set(hash, flight);
  return flight;
}

async function querySession(db: Db, hash: string, now: Date): Promise<AuthContext | undefined> {
  const [row] = await db
    .select({ userId: users.id, username: users.username, role: users.role, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.disabled) return undefined;
  return { userId: row.userId, username: row.username, role: row.role };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
}

/** Signs a user out everywhere (password change, disabling). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, now))
    .returning({ h: sessions.tokenHash });
  return deleted.length;
}
