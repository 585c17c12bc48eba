import { AppError, type ChunkOptions, type DocumentChunk, knowledgeBaseSettings } from '@qiao/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { knowledgeBases } from '../db/schema';
import type { Gateway } from '../gateway/gateway';
import { analyseChunks, deleteDocumentChunks, type NewChunk, writeAnalysedChunks } from './chunk-writer';
import { readDocumentBytes } from './document-bytes';
import {
  countParseRun,
  type DocumentRow,
  findDocument,
  pendingStatuses,
  transitionDocument,
  updateDocument,
} from './document-store';
import { claimTextHash } from './duplicate-text';
import { indexInChild, isParserStopped } from './parse/parse-in-child';
import { defaultParseLimits, type ParseLimits } from './parse/parse-limits';
import { ensureKbVectorIndex, ensureVectorStore, writeVectors } from './vector-store';

export interface IngestDeps {
  db: Db;
  dataDir: string;
  gateway?: Gateway;
  /** chunks per write transaction; small so chat queries interleave on the one connection */
  batchSize?: number;
  /** budgets of the parser process (config.parse) */
  parse?: ParseLimits;
}

/** Parser runs that never answered after which a document is failed for good. */
export const maxParseFailures = 2;

/** Progress share of parsing; indexing (chunks, postings, embeddings) is the rest. */
const parseShare = 0.1;

/**
 * One document from bytes to indexed chunks. Idempotent: it starts by removing whatever an
 * earlier, interrupted run wrote, and chunks are upserted by (document, index), so a job
 * killed half-way and run again leaves exactly one copy of each chunk. Between batches it
 * re-reads the document's status, so a cancel (or a delete) from any process stops it.
 */
export async function ingestDocument(
  deps: IngestDeps,
  documentId: string,
  signal: AbortSignal,
): Promise<void> {
  const { db } = deps;
  const doc = await findDocument(db, documentId);
  if (!doc || !pendingStatuses.includes(doc.status)) return;
  const [kb] = await db.select().from(knowledgeBases).where(eq(knowledgeBases.id, doc.kbId));
  if (!kb) return;
  const settings = knowledgeBaseSettings.parse(kb.settings);
  if (doc.parseFailures >= maxParseFailures) throw parseGaveUp(doc);
  if (
    !(await transitionDocument(db, doc.id, pendingStatuses, { status: 'parsing', progress: 0, error: null }))
  )
    return;

  const bytes = await readDocumentBytes(deps.dataDir, doc.contentHash).catch((error: unknown) => {
    throw new AppError('not_found', 'The uploaded file is missing from the data directory', { cause: error });
  });
  const parsed = await parseCounted(deps, doc, bytes, signal, {
    targetChars: settings.chunkTargetChars,
    overlapChars: settings.chunkOverlapChars,
  });
  const { chunks } = parsed;
  if (chunks.length === 0) {
    const why = parsed.warnings.length > 0 ? `: ${parsed.warnings.join('; ')}` : '';
    throw new AppError('validation_failed', `No text found in "${doc.name}"${why}`);
  }
  await claimTextHash(db, doc, parsed.textHash);
  const pages = parsed.pageCount;
  await deleteDocumentChunks(db, doc.kbId, doc.id);
  if (
    !(await transitionDocument(db, doc.id, ['parsing'], {
      status: 'indexing',
      progress: parseShare,
      format: parsed.format,
      title: parsed.title,
      pageCount: pages > 0 ? pages : null,
    }))
  )
    return stopped(deps, doc.kbId, doc.id);

  const embed = settings.embeddingModel
    ? await embedder(deps, doc.kbId, settings.embeddingModel, signal)
    : undefined;
  const size = deps.batchSize ?? 64;
  const batches: NewChunk[][] = [];
  for (let start = 0; start < chunks.length; start += size)
    batches.push(chunks.slice(start, start + size).map(toNewChunk));
  // segmentation (CPU here) of the next batch overlaps the write (the database's CPU) of this one
  let next = analyseChunks(batches[0]!);
  let done = 0;
  for (let i = 0; i < batches.length; i++) {
    const analysed = await next;
    if (i + 1 < batches.length) next = analyseChunks(batches[i + 1]!);
    // a shutdown leaves the partial work for the restart to redo; a cancel is cleaned up by the processor
    signal.throwIfAborted();
    const written = await writeAnalysedChunks(db, { kbId: doc.kbId, documentId: doc.id }, analysed);
    if (embed) await embed(written);
    done += analysed.length;
    const progress = parseShare + ((1 - parseShare) * done) / chunks.length;
    if (!(await transitionDocument(db, doc.id, ['indexing'], { progress, chunkCount: done })))
      return stopped(deps, doc.kbId, doc.id);
    // let queued chat queries and stream writes run before the next batch
    await new Promise((resolve) => setImmediate(resolve));
  }
  await transitionDocument(db, doc.id, ['indexing'], {
    status: 'ready',
    progress: 1,
    chunkCount: chunks.length,
    error: parsed.warnings.length > 0 ? parsed.warnings.join('; ') : null,
  });
}

/**
 * The parse, in its own process, counted as failed until the parser answers: a parser that ran
 * out of memory or time stays counted (the processor retries it once), and so does one
 * whose server died meanwhile. A parse that succeeds clears the count.
 */
async function parseCounted(
  deps: IngestDeps,
  doc: DocumentRow,
  bytes: Uint8Array,
  signal: AbortSignal,
  chunking: ChunkOptions,
) {
  await countParseRun(deps.db, doc.id, 1);
  try {
    const parsed = await indexInChild(
      { bytes, filename: doc.name, mimeType: doc.mimeType ?? undefined },
      { signal, chunking },
      deps.parse ?? defaultParseLimits,
    );
    await updateDocument(deps.db, doc.id, { parseFailures: 0 });
    return parsed;
  } catch (error) {
    if (signal.aborted || !(AppError.is(error) && isParserStopped(error)))
      await countParseRun(deps.db, doc.id, -1);
    throw error;
  }
}

function parseGaveUp(doc: DocumentRow): AppError {
  return new AppError(
    'payload_too_large',
    `"${doc.name}" could not be parsed: its parser ran out of memory or time, or stopped the server, ${doc.parseFailures} times; it will not be tried again`,
  );
}

function toNewChunk(chunk: DocumentChunk): NewChunk {
  return { index: chunk.index, text: chunk.text, page: chunk.page, headingPath: chunk.headingPath };
}

/** Cancelled or deleted while running: nothing of this run is left behind. */
async function stopped(deps: IngestDeps, kbId: string, documentId: string): Promise<void> {
  await deleteDocumentChunks(deps.db, kbId, documentId);
  await updateDocument(deps.db, documentId, { chunkCount: 0 }).catch(() => {});
}

async function embedder(deps: IngestDeps, kbId: string, model: string, signal: AbortSignal) {
  const gateway = deps.gateway;
  if (!gateway) throw new AppError('upstream_unavailable', 'No model gateway to compute embeddings with');
  const store = await ensureVectorStore(deps.db);
  if (!store.available) return undefined;
  let indexed = false;
  return async (chunks: { id: string; text: string }[]) => {
    const result = await gateway.embed({ model, input: chunks.map((c) => c.text), source: 'system', signal });
    if (!indexed && result.embeddings[0]) {
      await ensureKbVectorIndex(deps.db, kbId, result.embeddings[0].length);
      indexed = true;
    }
    await writeVectors(
      deps.db,
      kbId,
      chunks.map((chunk, i) => ({ chunkId: chunk.id, embedding: result.embeddings[i] ?? [] })),
    );
  };
}
