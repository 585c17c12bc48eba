import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { TermFrequencies } from './term-frequencies';

/** Chunks per posting block: small enough that a block's best impact says much about the rest. */
export const postingBlockSize = 64;

export interface BlockChunk {
  index: number;
  tf: TermFrequencies;
}

/**
 * Writes the posting blocks of chunks just inserted (one batch of a document, consecutive
 * indexes). The blocks are grouped here rather than in SQL: sorting a batch's few thousand
 * (term, chunk) rows costs PGlite far more than JavaScript. Blocks that overlap the batch go
 * first; if they reach beyond it (batches of another size wrote them), the whole span is
 * rebuilt from the chunks instead.
 */
export async function writePostingBlocks(
  tx: Db,
  target: { kbId: string; documentId: string },
  chunks: readonly BlockChunk[],
  averageLength: number,
  /** false when the caller saw no block overlapping the batch: nothing to delete first */
  { replacing = true }: { replacing?: boolean } = {},
): Promise<void> {
  if (chunks.length === 0) return;
  const first = Math.min(...chunks.map((chunk) => chunk.index));
  const last = Math.max(...chunks.map((chunk) => chunk.index));
  const span = replacing ? await dropOverlapping(tx, target.documentId, first, last) : { first, last };
  if (span.first < first || span.last > last)
    return rebuildPostingBlocks(tx, { ...target, ...span, dropped: true });
  const blocks = new Map<string, { first: number; indexes: number[]; tfs: number[]; impacts: number[] }>();
  for (const chunk of [...chunks].sort((a, b) => a.index - b.index)) {
    const blockFirst = first + Math.floor((chunk.index - first) / postingBlockSize) * postingBlockSize;
    chunk.tf.terms.forEach((term, i) => {
      const key = `${blockFirst} ${term}`;
      const block = blocks.get(key) ?? { first: blockFirst, indexes: [], tfs: [], impacts: [] };
      blocks.set(key, block);
      const tf = chunk.tf.tfs[i]!;
      block.indexes.push(chunk.index);
      block.tfs.push(tf);
      block.impacts.push(impact(tf, chunk.tf.length, averageLength));
    });
  }
  const rows = [...blocks.entries()];
  const column = <T>(of: (entry: (typeof rows)[number]) => T) => sql.param(rows.map(of));
  // each block's lists travel as one space-separated string: arrays of arrays must be rectangular
  await tx.execute(sql`
    insert into kb_posting_blocks (document_id, first_index, last_index, term, kb_id, chunk_indexes, tfs,
      impacts, max_impact)
    select ${target.documentId}, f, least(f + ${postingBlockSize - 1}, ${last}::int), t, ${target.kbId},
      string_to_array(i, ' ')::int[], string_to_array(n, ' ')::int[], string_to_array(m, ' ')::real[], x
    from unnest(
      ${column(([, block]) => block.first)}::int[],
      ${column(([key]) => key.slice(key.indexOf(' ') + 1))}::text[],
      ${column(([, block]) => block.indexes.join(' '))}::text[],
      ${column(([, block]) => block.tfs.join(' '))}::text[],
      ${column(([, block]) => block.impacts.join(' '))}::text[],
      ${column(([, block]) => Math.max(...block.impacts))}::real[]
    ) as u(f, t, i, n, m, x)`);
}

/** Okapi BM25's term weight without IDF (k1 = 1.2, b = 0.75); the same as bm25-search.ts. */
export function impact(tf: number, length: number, averageLength: number): number {
  return (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / Math.max(averageLength, 1)));
}

/** Deletes the document's blocks that overlap first..last; returns the span they and it cover. */
async function dropOverlapping(
  tx: Db,
  documentId: string,
  first: number,
  last: number,
): Promise<{ first: number; last: number }> {
  const gone = await tx.execute(sql`
    delete from kb_posting_blocks
    where document_id = ${documentId} and first_index <= ${last}::int and last_index >= ${first}::int
    returning first_index, last_index`);
  const span = { first, last };
  for (const row of (gone as unknown as { rows: { first_index: number; last_index: number }[] }).rows) {
    span.first = Math.min(span.first, row.first_index);
    span.last = Math.max(span.last, row.last_index);
  }
  return span;
}

/**
 * Rebuilds the posting blocks of a document's chunks `first..last` from the chunks' term
 * arrays, after those chunks were written, rewritten or edited. Blocks that overlap the range
 * go first, and the range grows to cover them, so blocks always partition the document's
 * chunk indexes and rebuilding twice (a retried batch) leaves one copy.
 */
export async function rebuildPostingBlocks(
  tx: Db,
  target: { kbId: string; documentId: string; first: number; last: number; dropped?: boolean },
): Promise<void> {
  const { first, last } = target.dropped
    ? target
    : await dropOverlapping(tx, target.documentId, target.first, target.last);
  await tx.execute(sql`
    insert into kb_posting_blocks (document_id, first_index, last_index, term, kb_id, chunk_indexes, tfs,
      impacts, max_impact)
    select ${target.documentId}, b.first_index, least(b.first_index + ${postingBlockSize - 1}, ${last}::int),
      u.term, ${target.kbId}, array_agg(c.index order by c.index), array_agg(u.tf order by c.index),
      array_agg(i.impact order by c.index), max(i.impact)
    from kb_chunks c
    cross join (
      select coalesce(max(greatest(s.term_total::float8 / greatest(s.chunk_count, 1), 1)), 1) as avg_length
      from kb_stats s where s.kb_id = ${target.kbId}
    ) s
    cross join lateral (
      select ${first}::int + (c.index - ${first}::int) / ${postingBlockSize} * ${postingBlockSize} as first_index
    ) b
    cross join lateral unnest(c.terms, c.term_tfs) as u(term, tf)
    cross join lateral (
      select (u.tf * 2.2 / (u.tf + 1.2 * (0.25 + 0.75 * c.term_count / s.avg_length)))::real as impact
    ) i
    where c.document_id = ${target.documentId} and c.index between ${first}::int and ${last}::int
    group by b.first_index, u.term`);
}

/** Drops a document's posting blocks (its chunks are being deleted). */
export async function dropPostingBlocks(tx: Db, documentId: string): Promise<void> {
  await tx.execute(sql`delete from kb_posting_blocks where document_id = ${documentId}`);
}
