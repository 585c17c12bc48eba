import { AppError } from '@qiao/core';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/**
 * Requests per minute per user and per API key. With REDIS_URL the counters live in Redis, so
 * every Qiao process behind a load balancer shares them; an in-memory limiter stands in when
 * Redis is unreachable (insurance), so an outage of Redis never blocks the API.
 */
export class RateLimits {
  readonly #limiters = new Map<string, RateLimiterAbstract>();
  readonly #redis: Redis | undefined;

  constructor(redisUrl?: string) {
    this.#redis = redisUrl
      ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
      : undefined;
    // errors surface through the insurance limiter; an unhandled 'error' event would crash
    this.#redis?.on('error', () => {});
  }

  get shared(): boolean {
    return this.#redis !== undefined;
  }

  /** Resolves once Redis is connected (until then the insurance limiter counts). */
  async ready(): Promise<void> {
    const redis = this.#redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise((resolve) => redis.once('ready', resolve));
  }

  /** Counts one request; 429 with Retry-After when `perMinute` is used up. */
  async consume(kind: 'user' | 'key', id: string, perMinute: number): Promise<void> {
    try {
      await this.#limiter(kind, perMinute).consume(id);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new AppError('rate_limited', `Too many requests: at most ${perMinute} a minute per ${kind}`, {
        retryAfter: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        details: { limit: perMinute, per: kind },
      });
    }
  }

  #limiter(kind: string, points: number): RateLimiterAbstract {
    const name = `${kind}:${points}`;
    let limiter = this.#limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `qiao:rl:${name}`, points, duration: 60 };
      const memory = new RateLimiterMemory(options);
      limiter = this.#redis
        ? new RateLimiterRedis({ ...options, storeClient: this.#redis, insuranceLimiter: memory })
        : memory;
      this.#limiters.set(name, limiter);
    }
    return limiter;
  }

  close(): void {
    this.#redis?.disconnect();
  }
}

const instances = new WeakMap<object, RateLimits>();

/** One set of limiters per database handle (one per app; tests never share counters). */
export function rateLimitsFor(owner: object, redisUrl: string | undefined): RateLimits {
  let limits = instances.get(owner);
  if (!limits) {
    limits = new RateLimits(redisUrl);
    instances.set(owner, limits);
  }
  return limits;
}

export function closeRateLimits(owner: object): void {
  instances.get(owner)?.close();
  instances.delete(owner);
}
