import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';

/**
 * Adds the chunks' terms to `kb_terms`: `terms` holds each chunk's distinct terms, one after
 * another, so a term's count in it is the number of new chunks holding it. Counted here (a
 * GROUP BY of a batch's thousands of terms is slow on PGlite), then one statement per batch;
 * sorted so that concurrent writers (BullMQ workers on Postgres) lock rows in the same order
 * and cannot deadlock.
 */
export async function countTerms(tx: Db, kbId: string, terms: readonly string[]): Promise<void> {
  if (terms.length === 0) return;
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const distinct = [...counts.keys()];
  await tx.execute(sql`
    insert into kb_terms (kb_id, term, df)
    select ${kbId}, t, n from unnest(${sql.param(distinct)}::text[], ${sql.param(distinct.map((term) => counts.get(term)!))}::int[]) as u(t, n)
    order by t
    on conflict (kb_id, term) do update set df = kb_terms.df + excluded.df`);
}

/** Takes removed chunks' terms out again; a term no chunk holds any more is deleted. */
export async function uncountTerms(tx: Db, kbId: string, terms: readonly string[]): Promise<void> {
  if (terms.length === 0) return;
  await tx.execute(
    sql`with ${goneTerms(sql`select unnest(${sql.param([...terms])}::text[]) as t`, kbId)} select 1`,
  );
}

/**
 * CTEs (`gone`, `dropped`, `kept`) that subtract the terms produced by `source` (a query with
 * one text column `t`, one row per chunk holding the term) from the document frequencies.
 */
export function goneTerms(source: SQL, kbId: string): SQL {
  return sql`gone as (select t as term, count(*)::int as n from (${source}) as s group by t),
    dropped as (
      delete from kb_terms k using gone
      where k.kb_id = ${kbId} and k.term = gone.term and k.df <= gone.n
    ),
    kept as (
      update kb_terms k set df = k.df - gone.n from gone
      where k.kb_id = ${kbId} and k.term = gone.term and k.df > gone.n
    )`;
}
