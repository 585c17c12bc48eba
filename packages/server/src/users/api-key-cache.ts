import type { AuthContext } from '../http/app-env';

export interface CachedKey {
  auth: AuthContext & { apiKeyId: string };
  expiresAt: number;
  /** last time last_used_at was written (or read) for this key, ms */
  touchedAt: number;
}

/**
 * Verified keys by hash, bounded and short-lived: /v1 requests must not pay a database round
 * trip each. Revocation and disabling evict entries, so they take effect at once in this
 * process; the TTL bounds staleness for changes made by another process.
 */
export class ApiKeyCache {
  readonly #entries = new Map<string, CachedKey>();
  /** bumped on every eviction: a lookup that raced a revoke must not re-cache its stale row */
  generation = 0;

  constructor(
    readonly ttlMs = 30_000,
    readonly maxEntries = 1_000,
  ) {}

  get(hash: string, now: number): CachedKey | undefined {
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  set(hash: string, auth: CachedKey['auth'], touchedAt: number, now: number): CachedKey {
    this.#entries.delete(hash);
    // Map keeps insertion order, so the first key is the oldest entry
    while (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    const entry = { auth, expiresAt: now + this.ttlMs, touchedAt };
    this.#entries.set(hash, entry);
    return entry;
  }

  evictKey(apiKeyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.#entries)
      if (entry.auth.apiKeyId === apiKeyId) this.#entries.delete(hash);
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
