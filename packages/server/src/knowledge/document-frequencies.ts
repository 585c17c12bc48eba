import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';

/**
 * A CTE `added` that adds chunks' terms to `kb_terms`: `termLists` holds each new chunk's
 * distinct terms, so a term's count over them is its rise in document frequency. Counted here
 * (a GROUP BY of a batch's thousands of terms is slow on PGlite) and sorted, so that
 * concurrent writers (BullMQ workers on Postgres) lock rows in the same order and cannot
 * deadlock. `after` names a CTE that must lock its rows first.
 */
export function addedTerms(kbId: string, termLists: readonly (readonly string[])[], after?: string): SQL {
  const counts = new Map<string, number>();
  for (const terms of termLists) for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const distinct = [...counts.keys()];
  return sql`added as (
      insert into kb_terms (kb_id, term, df)
      select ${kbId}, t, n from unnest(${sql.param(distinct)}::text[], ${sql.param(distinct.map((term) => counts.get(term)!))}::int[]) as u(t, n)
      ${after ? sql.raw(`where (select count(*) from ${after}) >= 0`) : sql``}
      order by t
      on conflict (kb_id, term) do update set df = kb_terms.df + excluded.df
    )`;
}

/** Adds one chunk's terms (a separate statement from any removal: one statement may not change a row twice). */
export async function countTerms(tx: Db, kbId: string, terms: readonly string[]): Promise<void> {
  if (terms.length > 0) await tx.execute(sql`with ${addedTerms(kbId, [terms])} select 1`);
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
