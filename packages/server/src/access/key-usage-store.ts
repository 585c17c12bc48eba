import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { apiKeyUsage } from '../db/schema';

export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

export function startOfUtcDay(now: Date): Date {
  return new Date(`${utcDay(now)}T00:00:00.000Z`);
}

/** Seconds until the daily quotas reset (UTC midnight). */
export function secondsToUtcMidnight(now: Date): number {
  return Math.max(1, Math.ceil((startOfUtcDay(now).getTime() + 86_400_000 - now.getTime()) / 1000));
}

/** Counts one request for today and returns today's count, atomically (one upsert). */
export async function countKeyRequest(db: Db, apiKeyId: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(apiKeyUsage)
    .values({ apiKeyId, day: utcDay(now), requests: 1 })
    .onConflictDoUpdate({
      target: [apiKeyUsage.apiKeyId, apiKeyUsage.day],
      set: { requests: sql`${apiKeyUsage.requests} + 1` },
    })
    .returning({ requests: apiKeyUsage.requests });
  return row?.requests ?? 1;
}

/**
 * The gateway's request-log flush, where it has one (the real gateway batches rows; test doubles
 * may not), so a quota check sees the request that ended a moment ago.
 */
export function requestLogFlush(gateway: object): (() => Promise<void>) | undefined {
  const flush = (gateway as { flushRequestLog?: unknown }).flushRequestLog;
  return typeof flush === 'function' ? () => (flush as () => Promise<void>).call(gateway) : undefined;
}
