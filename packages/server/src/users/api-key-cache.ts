import type { AuthContext } from '../http/app-env';

export interface CachedKey {
  auth: AuthContext & { apiKeyId: string };
  /** from here on the entry is served while one background lookup refreshes it (jittered) */
  refreshAt: number;
  /** from here on a request waits for a lookup; served after only if that lookup fails */
  expiresAt: number;
  /** the last moment a failed lookup may fall back on this entry */
  graceUntil: number;
  /** last time last_used_at was written (or read) for this key, ms */
  touchedAt: number;
}

/**
 * Verified keys by hash, bounded and short-lived: /v1 requests must not pay a database round
 * trip each. Revocation and disabling evict entries, so they take effect at once in this
 * process; for changes made by another process the entry's age bounds staleness: `ttlMs`
 * while the database answers, `2 × ttlMs` while it fails (see verify-api-key.ts).
 * Entries are refreshed in the background from a random point between 50% and 75% of the
 * TTL, so keys cached together do not all expire, and query the database, together.
 */
export class ApiKeyCache {
  readonly #entries = new Map<string, CachedKey>();
  /** one lookup per key hash at a time: concurrent requests share it */
  readonly inflight = new Map<string, Promise<unknown>>();
  /** bumped on every eviction: a lookup that raced a revoke must not re-cache its stale row */
  generation = 0;

  constructor(
    readonly ttlMs = 30_000,
    readonly maxEntries = 1_000,
    readonly random: () => number = Math.random,
  ) {}

  /** The entry while it may still be used at all (up to its grace); the caller reads its times. */
  get(hash: string, now: number): CachedKey | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.graceUntil <= now) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  set(hash: string, auth: CachedKey['auth'], touchedAt: number, now: number): CachedKey {
    const previous = this.#entries.get(hash);
    this.#entries.delete(hash);
    // Map keeps insertion order, so the first key is the oldest entry
    while (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    const entry: CachedKey = {
      auth,
      refreshAt: now + this.ttlMs * (0.5 + 0.25 * this.random()),
      expiresAt: now + this.ttlMs,
      graceUntil: now + 2 * this.ttlMs,
      touchedAt: Math.max(touchedAt, previous?.touchedAt ?? 0),
    };
    this.#entries.set(hash, entry);
    return entry;
  }

  /** drops one entry without bumping the generation (a lookup found the key gone) */
  forget(hash: string): void {
    this.#entries.delete(hash);
  }

  evictKey(apiKeyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.#entries)
      if (entry.auth.apiKeyId === apiKeyId) this.#entries.delete(hash);
  }

  evictAll(): void {
    this.generation++;
    this.#entries.clear();
  }

  evictUser(userId: string): void {
    this.generation++;
    for (const [hash, entry] of this.#entries) if (entry.auth.userId === userId) this.#entries.delete(hash);
  }

  get size(): number {
    return this.#entries.size;
  }
}

const caches = new WeakMap<object, ApiKeyCache>();

/** One cache per database handle, so tests with separate databases never share entries. */
export function apiKeyCacheFor(db: object): ApiKeyCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ApiKeyCache();
    caches.set(db, cache);
  }
  return cache;
}
