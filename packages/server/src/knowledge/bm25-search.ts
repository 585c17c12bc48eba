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

export interface KeywordSearch {
  hits: KeywordHit[];
  /** IDF of each query term some chunk holds, for scoring inside the passages (term-window.ts) */
  idfs: Map<string, number>;
  /** IDF of all the query's terms, held or not */
  idfTotal: number;
}

/** How far a keyword query reads; the defaults hold recall on the dev set (bench/knowledge). */
export interface Bm25Reach {
  /** posting blocks read per query term, best first (up to 64 chunks each) */
  blocksPerTerm: number;
  /** best chunks by the seed terms' impacts that are scored in full */
  candidates: number;
  /** a term seeds candidates only with at least this share of the query's rarest term's IDF */
  seedIdfShare: number;
}

export const defaultBm25Reach: Bm25Reach = { blocksPerTerm: 16, candidates: 100, seedIdfShare: 0.5 };

/**
 * BM25 in SQL over the posting blocks (`kb_posting_blocks`) and the knowledge bases' document
 * frequencies, so it runs the same on PGlite and Postgres. Only the query's terms are read,
 * and of each only its best blocks by impact, so the cost does not grow with the knowledge base:
 * 1. seeds: the query terms whose IDF is at least `seedIdfShare` of the rarest one's — as in
 *    MaxScore, a common term (的-like characters, "use") alone does not make a passage worth
 *    scoring, it only adds to the score of passages the rarer terms found;
 * 2. candidates: the chunks in each seed's `blocksPerTerm` best blocks, ranked by the sum of
 *    IDF × impact, the best `candidates` of them kept;
 * 3. exact Okapi BM25 of those over all query terms, from the chunks' own term arrays and the
 *    current totals.
 * A rare term has fewer postings than one read reaches, so whenever one is in the query the
 * chunks holding it are all scored. Only knowledge bases the user is a member of, and only
 * chunks of ready documents, are read: access is part of the query itself, not a filter
 * applied afterwards.
 */
export async function bm25Search(
  db: Db,
  input: { userId: string; kbIds: readonly string[]; query: string; limit: number },
  reach: Bm25Reach = defaultBm25Reach,
): Promise<KeywordSearch> {
  const terms = [...new Set(queryTerms(input.query).map((term) => term.toLowerCase()))].filter(
    (term) => term.length <= 64,
  );
  if (terms.length === 0 || input.kbIds.length === 0) return { hits: [], idfs: new Map(), idfTotal: 0 };
  const candidates = Math.max(reach.candidates, input.limit);
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
    seeds as (
      select term, idf from idf
      where idf >= ${reach.seedIdfShare}::float8 * (select max(idf) from idf)
    ),
    postings as (
      select b.document_id, u.chunk_index, s.idf * u.impact as weight
      from seeds s
      cross join allowed a
      cross join lateral (
        select b.document_id, b.chunk_indexes, b.impacts from kb_posting_blocks b
        where b.kb_id = a.kb_id and b.term = s.term
        order by b.max_impact desc
        limit ${reach.blocksPerTerm}::int
      ) b
      cross join lateral unnest(b.chunk_indexes, b.impacts) as u(chunk_index, impact)
    ),
    best as (
      select document_id, chunk_index from postings
      group by document_id, chunk_index
      order by sum(weight) desc, document_id, chunk_index
      limit ${candidates}::int
    ),
    scored_chunks as (
      select c.id, c.kb_id, c.terms, c.term_tfs, c.term_count
      from best
      join kb_chunks c on c.document_id = best.document_id and c.index = best.chunk_index
      join kb_documents d on d.id = c.document_id and d.status = 'ready'
      where c.kb_id in (select kb_id from allowed)
    )
    select c.id as "chunkId", x.bm25, x.matched / nullif(idf_total.total, 0) as coverage,
      idf_total.total as "idfTotal", (select json_object_agg(term, idf) from idf)::text as idfs
    from scored_chunks c
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
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const first = rows[0];
  return {
    hits: rows.map((row) => ({
      chunkId: String(row.chunkId),
      bm25: Number(row.bm25),
      coverage: Math.min(1, Number(row.coverage ?? 0)),
    })),
    idfs: new Map(
      first?.idfs ? Object.entries(JSON.parse(String(first.idfs)) as Record<string, number>) : [],
    ),
    idfTotal: Number(first?.idfTotal ?? 0),
  };
}
