import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { indexedText } from './chunk-writer';
import { addedTerms, goneTerms } from './document-frequencies';
import { writePostingBlocks } from './posting-blocks';
import { searchIndexVersion } from './search-index-version';
import { type TermFrequencies, termFrequencies } from './term-frequencies';

/** Chunks per re-index transaction: one posting block, short enough for chats to interleave. */
export const reindexBatchSize = 64;

interface OldChunk {
  id: string;
  index: number;
  text: string;
  heading_path: string[];
  terms: string[];
  term_count: number;
}

/**
 * Re-indexes the next batch of one ready document's chunks with today's search terms, from
 * the text stored with them, in one transaction: the chunks' terms, the knowledge base's
 * document frequencies and totals, the batch's posting blocks, the document's cursor
 * (`reindex_next`) and the knowledge base's progress. The cursor moves in the same
 * transaction, so a batch that committed is never redone after a crash, and one that did not
 * left nothing. Returns the chunks done (0: the document was finished or is not due).
 */
export async function reindexBatch(db: Db, kbId: string, documentId: string, size = reindexBatchSize) {
  return db.transaction(async (tx) => {
    const run = (query: ReturnType<typeof sql>) =>
      tx.execute(query) as unknown as Promise<{ rows: unknown[] }>;
    // the row lock makes a second worker on the same document wait, then read the moved cursor
    const [doc] = (
      await run(sql`select reindex_next from kb_documents
        where id = ${documentId} and status = 'ready' and index_version < ${searchIndexVersion}::int for update`)
    ).rows as { reindex_next: number }[];
    if (!doc) return 0;
    const chunks = (
      await run(sql`select id, index, text, heading_path, terms, term_count from kb_chunks
        where document_id = ${documentId} and index >= ${doc.reindex_next}::int
        order by index limit ${size}::int for update`)
    ).rows as OldChunk[];
    if (chunks.length > 0) await rewriteTerms(tx as unknown as Db, kbId, documentId, chunks);
    const finished = chunks.length < size;
    await run(sql`update kb_documents
      set reindex_next = ${finished ? 0 : chunks.at(-1)!.index + 1}::int,
        index_version = ${finished ? searchIndexVersion : sql`index_version`}::int
      where id = ${documentId}`);
    if (chunks.length > 0)
      await run(sql`update knowledge_bases set reindex_done = coalesce(reindex_done, 0) + ${chunks.length}::int
        where id = ${kbId}`);
    return chunks.length;
  });
}

async function rewriteTerms(tx: Db, kbId: string, documentId: string, chunks: readonly OldChunk[]) {
  const tfs = chunks.map((chunk) => termFrequencies(indexedText(chunk.text, chunk.heading_path)));
  // only terms a chunk gains or loses change document frequencies
  const gained: string[][] = [];
  const lost: string[] = [];
  chunks.forEach((chunk, i) => {
    const before = new Set(chunk.terms);
    const after = new Set(tfs[i]!.terms);
    gained.push(tfs[i]!.terms.filter((term) => !before.has(term)));
    for (const term of chunk.terms) if (!after.has(term)) lost.push(term);
  });
  const delta =
    tfs.reduce((sum, tf) => sum + tf.length, 0) - chunks.reduce((sum, c) => sum + c.term_count, 0);
  // the totals row first, as every writer of a knowledge base does (chunk-writer.ts)
  const totals =
    (await tx.execute(sql`update kb_stats set term_total = greatest(term_total + ${delta}::bigint, 0)
    where kb_id = ${kbId} returning chunk_count, term_total`)) as unknown as {
      rows: { chunk_count: number; term_total: number | string }[];
    };
  if (lost.length > 0)
    await tx.execute(
      sql`with ${goneTerms(sql`select unnest(${sql.param(lost)}::text[]) as t`, kbId)} select 1`,
    );
  if (gained.some((terms) => terms.length > 0))
    await tx.execute(sql`with ${addedTerms(kbId, gained)} select 1`);
  const column = <T>(of: (tf: TermFrequencies, i: number) => T) => sql.param(tfs.map(of));
  await tx.execute(sql`
    update kb_chunks c set term_count = u.n, terms = string_to_array(u.ts, ' '),
      term_tfs = string_to_array(u.fs, ' ')::int[]
    from unnest(${column((_, i) => chunks[i]!.id)}::text[], ${column((tf) => tf.length)}::int[],
      ${column((tf) => tf.terms.join(' '))}::text[], ${column((tf) => tf.tfs.join(' '))}::text[]) as u(id, n, ts, fs)
    where c.id = u.id`);
  const stats = totals.rows[0];
  const averageLength = stats ? Number(stats.term_total) / Math.max(stats.chunk_count, 1) : 1;
  await writePostingBlocks(
    tx,
    { kbId, documentId },
    chunks.map((chunk, i) => ({ index: chunk.index, tf: tfs[i]! })),
    averageLength,
  );
}
