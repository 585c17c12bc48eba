import { sql } from 'drizzle-orm';
import type { Db } from '../db';

/** A key above this one in the chain of keys that minted it, with the quotas it pools. */
export interface KeyAncestor {
  id: string;
  dailyRequests: number | null;
  dailyTokens: number | null;
}

/**
 * The keys that minted `apiKeyId`, parent first, in one recursive query. Undefined when any of
 * them is revoked: a key never outlives the key it came from. Only ancestors with a daily quota
 * are returned, since only those have anything to count.
 */
export async function keyAncestors(db: Db, apiKeyId: string): Promise<KeyAncestor[] | undefined> {
  const { rows } = (await db.execute(sql`
    with recursive chain(id, parent_key_id, revoked_at, depth) as (
      select k.id, k.parent_key_id, k.revoked_at, 0 from api_keys k
        where k.id = (select parent_key_id from api_keys where id = ${apiKeyId})
      union all
      select k.id, k.parent_key_id, k.revoked_at, chain.depth + 1
        from api_keys k join chain on k.id = chain.parent_key_id
        where chain.depth < 32
    )
    select chain.id, chain.depth, chain.revoked_at is not null as revoked,
      p.daily_requests, p.daily_tokens
    from chain left join api_key_policies p on p.api_key_id = chain.id
    order by chain.depth`)) as unknown as {
    rows: { id: string; revoked: boolean; daily_requests: number | null; daily_tokens: number | null }[];
  };
  if (rows.some((row) => row.revoked)) return undefined;
  return rows
    .filter((row) => row.daily_requests !== null || row.daily_tokens !== null)
    .map((row) => ({ id: row.id, dailyRequests: row.daily_requests, dailyTokens: row.daily_tokens }));
}

/** Tokens used today by a key and every key it minted, directly or down the chain. */
export async function familyTokensToday(db: Db, apiKeyId: string, since: Date): Promise<number> {
  const { rows } = (await db.execute(sql`
    with recursive family(id, depth) as (
      select ${apiKeyId}::text, 0
      union all
      select k.id, family.depth + 1 from api_keys k join family on k.parent_key_id = family.id
        where family.depth < 32
    )
    select coalesce(sum(r.input_tokens + r.output_tokens), 0)::int as n
    from request_log r
    where r.api_key_id in (select id from family) and r.created_at >= ${since.toISOString()}`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(rows[0]?.n ?? 0);
}
