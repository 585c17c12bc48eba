import { estimateTextTokens } from '@qiao/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbChunks, kbStats } from '../db/schema';
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

/**
 * Inserts one batch of a document's chunks with their postings and the knowledge base's BM25
 * totals, in one short transaction: on the embedded database (one connection shared with live
 * chats) a long transaction would hold every chat query behind it. Upserts by
 * (document, index), so a batch written twice (a job retried after a crash) leaves one copy.
 */
export async function writeChunkBatch(
  db: Db,
  target: { kbId: string; documentId: string },
  chunks: readonly NewChunk[],
): Promise<WrittenChunk[]> {
  if (chunks.length === 0) return [];
  // segmentation is synchronous CPU work on the server's event loop: a few chunks at a time,
  // yielding between them, so that streamed chat answers keep flowing
  const analysed: { chunk: NewChunk; tf: TermFrequencies }[] = [];
  for (const chunk of chunks) {
    if (analysed.length % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    analysed.push({ chunk, tf: termFrequencies(indexedText(chunk.text, chunk.headingPath)) });
  }
  return db.transaction(async (tx) => {
    await removeChunks(
      tx as unknown as Db,
      sql`${kbChunks.documentId} = ${target.documentId} and ${kbChunks.index} = any(${sql.param(chunks.map((c) => c.index))}::int[])`,
      target.kbId,
    );
    const rows = await tx
      .insert(kbChunks)
      .values(
        analysed.map(({ chunk, tf }) => ({
          kbId: target.kbId,
          documentId: target.documentId,
          index: chunk.index,
          text: chunk.text,
          headingPath: chunk.headingPath,
          page: chunk.page ?? null,
          charCount: chunk.text.length,
          tokenCount: estimateTextTokens(chunk.text),
          termCount: tf.length,
        })),
      )
      .returning({ id: kbChunks.id, index: kbChunks.index, text: kbChunks.text });
    const idOf = new Map(rows.map((row) => [row.index, row.id]));
    const terms: string[] = [];
    const ids: string[] = [];
    const tfs: number[] = [];
    for (const { chunk, tf } of analysed) {
      const chunkId = idOf.get(chunk.index)!;
      tf.terms.forEach((term, i) => {
        terms.push(term);
        ids.push(chunkId);
        tfs.push(tf.tfs[i]!);
      });
    }
    // unnest over three array parameters: one statement whatever the number of postings
    if (terms.length > 0) {
      await tx.execute(sql`
        insert into kb_postings (kb_id, term, chunk_id, tf)
        select ${target.kbId}, t, c, f
        from unnest(${sql.param(terms)}::text[], ${sql.param(ids)}::text[], ${sql.param(tfs)}::int[]) as u(t, c, f)`);
    }
    const added = analysed.reduce((sum, { tf }) => sum + tf.length, 0);
    await tx
      .update(kbStats)
      .set({
        chunkCount: sql`${kbStats.chunkCount} + ${rows.length}`,
        termTotal: sql`${kbStats.termTotal} + ${added}`,
      })
      .where(eq(kbStats.kbId, target.kbId));
    return rows;
  });
}

/** Deletes a document's chunks (postings go with them), keeping the BM25 totals right. */
export async function deleteDocumentChunks(db: Db, kbId: string, documentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await removeChunks(tx as unknown as Db, sql`${kbChunks.documentId} = ${documentId}`, kbId);
  });
}

/** Replaces one chunk's text and re-indexes it (the user edited it). */
export async function rewriteChunk(db: Db, chunkId: string, kbId: string, text: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({ termCount: kbChunks.termCount, headingPath: kbChunks.headingPath })
      .from(kbChunks)
      .where(eq(kbChunks.id, chunkId));
    if (!old) return;
    const tf = termFrequencies(indexedText(text, old.headingPath));
    await tx.execute(sql`delete from kb_postings where chunk_id = ${chunkId}`);
    await tx
      .update(kbChunks)
      .set({
        text,
        charCount: text.length,
        tokenCount: estimateTextTokens(text),
        termCount: tf.length,
        editedAt: new Date(),
      })
      .where(eq(kbChunks.id, chunkId));
    if (tf.terms.length > 0) {
      await tx.execute(sql`
        insert into kb_postings (kb_id, term, chunk_id, tf)
        select ${kbId}, t, ${chunkId}, f
        from unnest(${sql.param(tf.terms)}::text[], ${sql.param(tf.tfs)}::int[]) as u(t, f)`);
    }
    await tx
      .update(kbStats)
      .set({ termTotal: sql`${kbStats.termTotal} + ${tf.length - old.termCount}` })
      .where(eq(kbStats.kbId, kbId));
  });
}

/** Headings are indexed with the text: "配送" in a heading finds the paragraphs under it. */
function indexedText(text: string, headingPath: readonly string[]): string {
  return headingPath.length > 0 ? `${headingPath.join('\n')}\n${text}` : text;
}

async function removeChunks(tx: Db, where: ReturnType<typeof sql>, kbId: string): Promise<void> {
  const removed = await tx.delete(kbChunks).where(where).returning({ termCount: kbChunks.termCount });
  if (removed.length === 0) return;
  const terms = removed.reduce((sum, row) => sum + row.termCount, 0);
  await tx
    .update(kbStats)
    .set({
      chunkCount: sql`greatest(${kbStats.chunkCount} - ${removed.length}, 0)`,
      termTotal: sql`greatest(${kbStats.termTotal} - ${terms}, 0)`,
    })
    .where(eq(kbStats.kbId, kbId));
}
