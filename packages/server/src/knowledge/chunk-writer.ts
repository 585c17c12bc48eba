import { estimateTextTokens } from '@qiao/core';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbChunks, kbStats } from '../db/schema';
import { addedTerms, countTerms, goneTerms, uncountTerms } from './document-frequencies';
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
  const indexes = chunks.map((c) => c.index);
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  return db.transaction(async (tx) => {
    const same = sql`${kbChunks.documentId} = ${target.documentId} and ${kbChunks.index} = any(${sql.param(indexes)}::int[])`;
    // the removal is one big statement, costly to plan on PGlite; a first run has nothing to
    // remove and no blocks to replace, which one look at both indexes tells
    const [found] = (
      (await tx.execute(sql`
        select exists (select 1 from kb_chunks where ${same}) as chunks,
          exists (select 1 from kb_posting_blocks where document_id = ${target.documentId}
            and first_index <= ${last}::int and last_index >= ${first}::int) as blocks`)) as unknown as {
        rows: { chunks: boolean; blocks: boolean }[];
      }
    ).rows;
    if (found?.chunks) await removeChunks(tx as unknown as Db, same, target.kbId);
    const { rows, stats, added } = await insertChunks(tx as unknown as Db, target, analysed);
    const byIndex = new Map(analysed.map((item) => [item.chunk.index, item.tf]));
    await writePostingBlocks(
      tx as unknown as Db,
      target,
      rows.map((row) => ({ index: row.index, tf: byIndex.get(row.index)! })),
      stats ? stats.termTotal / Math.max(stats.chunkCount, 1) : added / rows.length,
      { replacing: found?.blocks !== false },
    );
    const text = new Map(chunks.map((c) => [c.index, c.text]));
    return rows.map((row) => ({ ...row, text: text.get(row.index)! }));
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
 * One statement whatever the batch size: the chunks, their terms' document frequencies and
 * the knowledge base's totals (each round trip to the embedded database costs a parse, a plan
 * and a hop between processes). Every column travels as one array parameter and `unnest` turns
 * them into rows (a VALUES list would be planned per row count). Terms never contain spaces
 * (they are runs of letters and digits), so each chunk's terms travel as one space-joined
 * string. The totals row is updated first (the terms wait for it), so that concurrent writers
 * of a knowledge base (BullMQ workers on Postgres) queue on it instead of deadlocking on
 * `kb_terms`; the terms are also sorted.
 */
async function insertChunks(
  tx: Db,
  target: { kbId: string; documentId: string },
  analysed: readonly AnalysedChunk[],
): Promise<{
  rows: { id: string; index: number }[];
  stats?: { chunkCount: number; termTotal: number };
  /** the batch's term count */
  added: number;
}> {
  const column = <T>(of: (item: AnalysedChunk) => T) => sql.param(analysed.map(of));
  const added = analysed.reduce((sum, { tf }) => sum + tf.length, 0);
  const result = await tx.execute(sql`
    with totals as (
      update kb_stats set chunk_count = chunk_count + ${analysed.length}::int, term_total = term_total + ${added}::bigint
      where kb_id = ${target.kbId}
      returning chunk_count, term_total
    ),
    ${addedTerms(
      target.kbId,
      analysed.map(({ tf }) => tf.terms),
      'totals',
    )},
    chunks as (
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
      returning id, index
    )
    select c.id, c.index, s.chunk_count, s.term_total
    from chunks c left join totals s on true`);
  const rows = (
    result as unknown as {
      rows: { id: string; index: number; chunk_count: number | null; term_total: number | string | null }[];
    }
  ).rows;
  const totals = rows[0];
  return {
    added,
    rows: rows.map((row) => ({ id: row.id, index: row.index })),
    stats:
      totals && totals.chunk_count !== null
        ? { chunkCount: Number(totals.chunk_count), termTotal: Number(totals.term_total) }
        : undefined,
  };
}

/** Headings are indexed with the text: "配送" in a heading finds the paragraphs under it. */
export function indexedText(text: string, headingPath: readonly string[]): string {
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
