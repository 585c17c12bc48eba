import { estimateTextTokens } from '@qiao/core';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbChunks, kbStats } from '../db/schema';
import { countTerms, goneTerms, uncountTerms } from './document-frequencies';
import { dropPostingBlocks, rebuildPostingBlocks, writePostingBlocks } from './posting-blocks';
import { type TermFrequencies, termFrequencies } from './term-frequencies';

export interface NewChunk {
  index: number;
  text: string;
  page?: number;
  headingPath: string[];
}

export interface WrittenChunk {
  id: string;
  index: number;
  text: string;
}

export interface AnalysedChunk {
  chunk: NewChunk;
  tf: TermFrequencies;
}

/**
 * Search terms of a batch. Segmentation is synchronous CPU work on the server's event loop: a
 * few chunks at a time, yielding between them, so that streamed chat answers keep flowing.
 */
export async function analyseChunks(chunks: readonly NewChunk[]): Promise<AnalysedChunk[]> {
  const analysed: AnalysedChunk[] = [];
  for (const chunk of chunks) {
    if (analysed.length % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    analysed.push({ chunk, tf: termFrequencies(indexedText(chunk.text, chunk.headingPath)) });
  }
  return analysed;
}

/** analyseChunks, then writeAnalysedChunks. */
export async function writeChunkBatch(
  db: Db,
  target: { kbId: string; documentId: string },
  chunks: readonly NewChunk[],
): Promise<WrittenChunk[]> {
  return writeAnalysedChunks(db, target, await analyseChunks(chunks));
}

/**
 * Inserts one batch of a document's chunks with their terms, the terms' document frequencies,
 * the knowledge base's BM25 totals and the batch's posting blocks, in one short transaction: on the embedded database
 * (one connection shared with live chats) a long transaction would hold every chat query
 * behind it. Upserts by (document, index), so a batch written twice (a job retried after a
 * crash) leaves one copy.
 */
export async function writeAnalysedChunks(
  db: Db,
  target: { kbId: string; documentId: string },
  analysed: readonly AnalysedChunk[],
): Promise<WrittenChunk[]> {
  if (analysed.length === 0) return [];
  const chunks = analysed.map((item) => item.chunk);
  return db.transaction(async (tx) => {
    const same = sql`${kbChunks.documentId} = ${target.documentId} and ${kbChunks.index} = any(${sql.param(chunks.map((c) => c.index))}::int[])`;
    // the removal is one big statement, costly to plan on PGlite; a first run has nothing to remove
    const existing = await tx.select({ id: kbChunks.id }).from(kbChunks).where(same).limit(1);
    if (existing.length > 0) await removeChunks(tx as unknown as Db, same, target.kbId);
    const rows = await insertChunks(tx as unknown as Db, target, analysed);
    await countTerms(
      tx as unknown as Db,
      target.kbId,
      analysed.flatMap(({ tf }) => tf.terms),
    );
    const added = analysed.reduce((sum, { tf }) => sum + tf.length, 0);
    const [stats] = await tx
      .update(kbStats)
      .set({
        chunkCount: sql`${kbStats.chunkCount} + ${rows.length}`,
        termTotal: sql`${kbStats.termTotal} + ${added}`,
      })
      .where(eq(kbStats.kbId, target.kbId))
      .returning({ chunkCount: kbStats.chunkCount, termTotal: kbStats.termTotal });
    const byIndex = new Map(analysed.map((item) => [item.chunk.index, item.tf]));
    await writePostingBlocks(
      tx as unknown as Db,
      target,
      rows.map((row) => ({ index: row.index, tf: byIndex.get(row.index)! })),
      stats ? stats.termTotal / Math.max(stats.chunkCount, 1) : added / rows.length,
    );
    return rows;
  });
}

/** Deletes a document's chunks, keeping document frequencies and BM25 totals right. */
export async function deleteDocumentChunks(db: Db, kbId: string, documentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await dropPostingBlocks(tx as unknown as Db, documentId);
    await removeChunks(tx as unknown as Db, sql`${kbChunks.documentId} = ${documentId}`, kbId);
  });
}

/** Replaces one chunk's text and re-indexes it (the user edited it). */
export async function rewriteChunk(db: Db, chunkId: string, kbId: string, text: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({
        termCount: kbChunks.termCount,
        headingPath: kbChunks.headingPath,
        terms: kbChunks.terms,
        documentId: kbChunks.documentId,
        index: kbChunks.index,
      })
      .from(kbChunks)
      .where(eq(kbChunks.id, chunkId));
    if (!old) return;
    const tf = termFrequencies(indexedText(text, old.headingPath));
    await tx
      .update(kbChunks)
      .set({
        text,
        charCount: text.length,
        tokenCount: estimateTextTokens(text),
        termCount: tf.length,
        terms: tf.terms,
        termTfs: tf.tfs,
        editedAt: new Date(),
      })
      .where(eq(kbChunks.id, chunkId));
    await uncountTerms(tx as unknown as Db, kbId, old.terms);
    await countTerms(tx as unknown as Db, kbId, tf.terms);
    await tx
      .update(kbStats)
      .set({ termTotal: sql`${kbStats.termTotal} + ${tf.length - old.termCount}` })
      .where(eq(kbStats.kbId, kbId));
    await rebuildPostingBlocks(tx as unknown as Db, {
      kbId,
      documentId: old.documentId,
      first: old.index,
      last: old.index,
    });
  });
}

/**
 * One statement whatever the batch size: every column travels as one array parameter and
 * `unnest` turns them into rows (a VALUES list would be planned per row count). Terms never
 * contain spaces (they are runs of letters and digits), so each chunk's terms travel as one
 * space-joined string.
 */
async function insertChunks(
  tx: Db,
  target: { kbId: string; documentId: string },
  analysed: readonly AnalysedChunk[],
): Promise<WrittenChunk[]> {
  const column = <T>(of: (item: AnalysedChunk) => T) => sql.param(analysed.map(of));
  const result = await tx.execute(sql`
    insert into kb_chunks (kb_id, document_id, index, text, heading_path, page, char_count, token_count,
      term_count, terms, term_tfs)
    select ${target.kbId}, ${target.documentId}, i, t, h::jsonb, p, cc, tc, tn,
      string_to_array(ts, ' '), string_to_array(fs, ' ')::int[]
    from unnest(
      ${column(({ chunk }) => chunk.index)}::int[],
      ${column(({ chunk }) => chunk.text)}::text[],
      ${column(({ chunk }) => JSON.stringify(chunk.headingPath))}::text[],
      ${column(({ chunk }) => chunk.page ?? null)}::int[],
      ${column(({ chunk }) => chunk.text.length)}::int[],
      ${column(({ chunk }) => estimateTextTokens(chunk.text))}::int[],
      ${column(({ tf }) => tf.length)}::int[],
      ${column(({ tf }) => tf.terms.join(' '))}::text[],
      ${column(({ tf }) => tf.tfs.join(' '))}::text[]
    ) as u(i, t, h, p, cc, tc, tn, ts, fs)
    returning id, index, text`);
  return (result as unknown as { rows: WrittenChunk[] }).rows;
}

/** Headings are indexed with the text: "配送" in a heading finds the paragraphs under it. */
function indexedText(text: string, headingPath: readonly string[]): string {
  return headingPath.length > 0 ? `${headingPath.join('\n')}\n${text}` : text;
}

/** One statement: the chunks, their document frequencies and the knowledge base's totals. */
async function removeChunks(tx: Db, where: SQL, kbId: string): Promise<void> {
  await tx.execute(sql`
    with removed as (delete from kb_chunks where ${where} returning terms, term_count),
    ${goneTerms(sql`select unnest(removed.terms) as t from removed`, kbId)},
    totals as (select count(*)::int as chunks, coalesce(sum(term_count), 0)::bigint as terms from removed)
    update kb_stats s
    set chunk_count = greatest(s.chunk_count - totals.chunks, 0),
      term_total = greatest(s.term_total - totals.terms, 0)
    from totals
    where s.kb_id = ${kbId} and totals.chunks > 0`);
}
