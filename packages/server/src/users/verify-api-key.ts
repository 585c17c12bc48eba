import { and, eq, isNull } from 'drizzle-orm';
import type { ApiKeyPolicy } from '../access/api-key-policy';
import { utcDay } from '../access/key-usage-store';
import type { Db } from '../db';
import { apiKeyPolicies, apiKeys, users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { appendAudit } from '../safety/audit-log';
import { sha256Hex } from '../security/tokens';
import { apiKeyCacheFor, type CachedKey } from './api-key-cache';
import { apiKeyPattern } from './api-key-store';

const touchIntervalMs = 60_000;
const pendingTouches = new WeakMap<object, Set<Promise<unknown>>>();
/** per database handle: the UTC day each key's use was last audited in this process */
const auditedDays = new WeakMap<object, Map<string, string>>();

/**
 * The /v1 hot path: a cache hit costs one sha-256 and a Map lookup. Undefined for malformed,
 * unknown or revoked keys and for disabled users.
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
  if (!entry) {
    const generation = cache.generation;
    const [row] = await db
      .select({
        apiKeyId: apiKeys.id,
        lastUsedAt: apiKeys.lastUsedAt,
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
    const auth = { apiKeyId, userId, username, role, ...(policy ? { keyPolicy: toPolicy(policy) } : {}) };
    if (cache.generation !== generation) return auth;
    entry = cache.set(hash, auth, row.lastUsedAt?.getTime() ?? 0, now);
  }
  touch(db, entry, now);
  return { ...entry.auth };
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
