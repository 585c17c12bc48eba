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
 * BM25 in SQL over each chunk's term arrays (GIN-indexed) and the knowledge bases' document
 * frequencies, so it runs the same on PGlite and Postgres. Only
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
      select q.term, coalesce(sum(k.df), 0)::float8 as df
      from q left join kb_terms k on k.term = q.term and k.kb_id in (select kb_id from allowed)
      group by q.term
    ),
    all_idf as (
      select df.term, df.df, ln(1 + (greatest(totals.n, 1) - df.df + 0.5) / (df.df + 0.5)) as idf
      from df, totals
    ),
    -- query terms no chunk holds count too: they are what a passage about something else lacks
    idf_total as (select sum(idf) as total from all_idf),
    idf as (select term, idf from all_idf where df > 0),
    candidates as (
      select c.id, c.document_id, c.kb_id, c.terms, c.term_tfs, c.term_count
      from kb_chunks c
      where c.kb_id in (select kb_id from allowed) and c.terms && ${sql.param(terms)}::text[]
    )
    -- scored per chunk in a lateral aggregate: grouping the (chunk, term) rows instead would
    -- sort every candidate's term arrays along with them (to disk at 10k chunks on PGlite)
    select c.id as "chunkId", x.bm25, x.matched / nullif(idf_total.total, 0) as coverage
    from candidates c
    join kb_documents d on d.id = c.document_id and d.status = 'ready'
    join kb_stats s on s.kb_id = c.kb_id
    cross join idf_total
    cross join lateral (
      select sum(m.idf * m.tf * 2.2 / (m.tf + 1.2 * (0.25 + 0.75 * c.term_count
          / greatest(s.term_total::float8 / greatest(s.chunk_count, 1), 1)))) as bm25,
        sum(m.idf) as matched
      from (select idf.idf, c.term_tfs[array_position(c.terms, idf.term)]::float8 as tf from idf) m
      where m.tf is not null
    ) x
    where x.bm25 is not null
    order by x.bm25 desc, c.id
    limit ${input.limit}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    chunkId: String(row.chunkId),
    bm25: Number(row.bm25),
    coverage: Math.min(1, Number(row.coverage ?? 0)),
  }));
}
