import { Redis } from 'ioredis';
import pg from 'pg';
import { type Timed, timed } from './timed';

/** Connects and runs one query, without migrating: doctor only looks. */
export function checkPostgres(url: string): Promise<Timed<void>> {
  return timed(async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
    } finally {
      await client.end().catch(() => {});
    }
  });
}

export function checkRedis(url: string): Promise<Timed<void>> {
  return timed(async () => {
    const redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 3_000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  });
}

/** user:password@ in URLs must never reach a terminal or a log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
