import { AppError } from '@qiao/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { ApiKeyPolicy } from '../access/api-key-policy';
import { keyAncestors } from '../access/key-ancestors';
import { utcDay } from '../access/key-usage-store';
import type { Db } from '../db';
import { apiKeyPolicies, apiKeys, users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { appendAudit } from '../safety/audit-log';
import { sha256Hex } from '../security/tokens';
import { type ApiKeyCache, apiKeyCacheFor, type CachedKey } from './api-key-cache';
import { apiKeyPattern } from './api-key-store';

const touchIntervalMs = 60_000;
const pendingTouches = new WeakMap<object, Set<Promise<unknown>>>();
/** per database handle: the UTC day each key's use was last audited in this process */
const auditedDays = new WeakMap<object, Map<string, string>>();

/**
 * The /v1 hot path: a cache hit costs one sha-256 and a Map lookup. Undefined for malformed,
 * unknown or revoked keys and for disabled users.
 *
 * Under load the cache must not turn into a stampede: an entry past its (jittered) refresh
 * point is still served while one background lookup refreshes it; concurrent lookups of one
 * key share a single query; and a lookup that fails (a slow or reset database) falls back on
 * the cached entry for up to twice the TTL instead of failing the request. A key revoked or
 * disabled by another process stops working within the TTL (30 s) while the database answers,
 * and within twice the TTL (60 s) while it does not; in this process, at once.
 */
export async function verifyApiKey(
  db: Db,
  key: string,
  now: number = Date.now(),
): Promise<(AuthContext & { apiKeyId: string }) | undefined> {
  if (!apiKeyPattern.test(key)) return undefined;
  const hash = sha256Hex(key);
  const cache = apiKeyCacheFor(db);
  let entry = cache.get(hash, now);
  if (entry && now < entry.expiresAt) {
    // bookkeeping only: a failed refresh leaves the entry to serve until it expires
    if (now >= entry.refreshAt) lookUp(db, cache, hash, now).catch(() => {});
  } else {
    try {
      entry = await lookUp(db, cache, hash, now);
    } catch (error) {
      // the entry (if any) is within its grace here: cache.get drops it after that
      if (!entry) {
        throw new AppError('database_unavailable', 'API keys cannot be checked right now; retry shortly', {
          retryAfter: 1,
          cause: error,
        });
      }
    }
    if (!entry) return undefined;
  }
  touch(db, entry, now);
  return { ...entry.auth };
}

/** One query per key hash at a time (single flight), keyed by generation so an eviction starts afresh. */
function lookUp(db: Db, cache: ApiKeyCache, hash: string, now: number): Promise<CachedKey | undefined> {
  const generation = cache.generation;
  const flightKey = `${generation}:${hash}`;
  const pending = cache.inflight.get(flightKey) as Promise<CachedKey | undefined> | undefined;
  if (pending) return pending;
  const flight = queryKey(db, hash)
    .then((found) => {
      if (!found) {
        cache.forget(hash);
        return undefined;
      }
      // a lookup that raced a revoke or a role change is used once, never cached
      if (cache.generation !== generation)
        return { auth: found.auth, refreshAt: now, expiresAt: now, graceUntil: now, touchedAt: now };
      return cache.set(hash, found.auth, found.touchedAt, now);
    })
    .finally(() => cache.inflight.delete(flightKey));
  cache.inflight.set(flightKey, flight);
  return flight;
}

async function queryKey(db: Db, hash: string) {
  const [row] = await db
    .select({
      apiKeyId: apiKeys.id,
      lastUsedAt: apiKeys.lastUsedAt,
      parentKeyId: apiKeys.parentKeyId,
      userId: users.id,
      username: users.username,
      role: users.role,
      disabled: users.disabled,
      policy: apiKeyPolicies,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .leftJoin(apiKeyPolicies, eq(apiKeyPolicies.apiKeyId, apiKeys.id))
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row || row.disabled) return undefined;
  const { apiKeyId, userId, username, role, policy } = row;
  const ancestors = row.parentKeyId ? await keyAncestors(db, apiKeyId) : [];
  if (!ancestors) return undefined; // a key that minted it was revoked
  const auth = {
    apiKeyId,
    userId,
    username,
    role,
    ...(policy ? { keyPolicy: toPolicy(policy) } : {}),
    ...(ancestors.length > 0 ? { keyAncestors: ancestors } : {}),
  };
  return { auth, touchedAt: row.lastUsedAt?.getTime() ?? 0 };
}

/** Records last use at most once a minute per key, in the background: never delays a request. */
function touch(db: Db, entry: CachedKey, now: number): void {
  if (now - entry.touchedAt < touchIntervalMs) return;
  // key use is audited once per key and UTC day, not per request: a busy key would otherwise
  // write as many audit rows as the request log has, for no extra insight
  // Decided here, synchronously, not from lastUsedAt: a cache entry re-read while the previous
  // touch is still being written would see the day as new again.
  const day = utcDay(new Date(now));
  const audited = auditedDays.get(db) ?? new Map<string, string>();
  auditedDays.set(db, audited);
  const firstToday = audited.get(entry.auth.apiKeyId) !== day && utcDay(new Date(entry.touchedAt)) !== day;
  audited.set(entry.auth.apiKeyId, day);
  entry.touchedAt = now;
  const pending = pendingTouches.get(db) ?? new Set();
  pendingTouches.set(db, pending);
  const { auth } = entry;
  const write = db
    .update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, entry.auth.apiKeyId))
    .then(() =>
      firstToday
        ? appendAudit(db, auth, {
            action: 'key.use',
            target: auth.apiKeyId,
            detail: { day },
          })
        : undefined,
    )
    .then(
      () => {},
      // bookkeeping only: a failed write (e.g. the database closing) must not surface
      () => {},
    )
    .finally(() => pending.delete(write));
  pending.add(write);
}

/** Waits for background last-used writes (tests, graceful shutdown). */
export async function flushApiKeyTouches(db: Db): Promise<void> {
  await Promise.all(pendingTouches.get(db) ?? []);
}

function toPolicy(row: typeof apiKeyPolicies.$inferSelect): ApiKeyPolicy {
  const { apiKeyId: _id, ...policy } = row;
  return policy;
}
