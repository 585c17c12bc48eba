import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { queryTerms } from './search-terms';

export interface KeywordHit {
  chunkId: string;
  /** Okapi BM25 (k1 = 1.2, b = 0.75) */
  bm25: number;
  /** share of the query's IDF mass this chunk contains, 0..1: the keyword relevance threshold */
  coverage: number;
}

/**
 * BM25 in SQL over the postings table, so it runs the same on PGlite and Postgres. Only
 * knowledge bases the user is a member of, and only chunks of ready documents, are read:
 * access is part of the query itself, not a filter applied afterwards.
 */
export async function bm25Search(
  db: Db,
  input: { userId: string; kbIds: readonly string[]; query: string; limit: number },
): Promise<KeywordHit[]> {
  const terms = [...new Set(queryTerms(input.query).map((term) => term.toLowerCase()))].filter(
    (term) => term.length <= 64,
  );
  if (terms.length === 0 || input.kbIds.length === 0) return [];
  const result = await db.execute(sql`
    with allowed as (
      select m.kb_id from kb_members m
      where m.user_id = ${input.userId} and m.kb_id = any(${sql.param([...input.kbIds])}::text[])
    ),
    totals as (
      select sum(s.chunk_count)::float8 as n from kb_stats s where s.kb_id in (select kb_id from allowed)
    ),
    q as (select distinct unnest(${sql.param(terms)}::text[]) as term),
    df as (
      select q.term, count(p.chunk_id)::float8 as df
      from q left join kb_postings p on p.term = q.term and p.kb_id in (select kb_id from allowed)
      group by q.term
    ),
    idf as (
      select df.term, df.df, ln(1 + (greatest(totals.n, 1) - df.df + 0.5) / (df.df + 0.5)) as idf
      from df, totals
    ),
    idf_total as (select sum(idf) as total from idf)
    select p.chunk_id as "chunkId",
      sum(idf.idf * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * c.term_count
        / greatest(s.term_total::float8 / greatest(s.chunk_count, 1), 1)))) as bm25,
      sum(idf.idf) / nullif(max(idf_total.total), 0) as coverage
    from idf
    join kb_postings p on p.term = idf.term and p.kb_id in (select kb_id from allowed)
    join kb_chunks c on c.id = p.chunk_id
    join kb_documents d on d.id = c.document_id and d.status = 'ready'
    join kb_stats s on s.kb_id = p.kb_id
    cross join idf_total
    where idf.df > 0
    group by p.chunk_id
    order by bm25 desc, p.chunk_id
    limit ${input.limit}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    chunkId: String(row.chunkId),
    bm25: Number(row.bm25),
    coverage: Math.min(1, Number(row.coverage ?? 0)),
  }));
}
