import type { Config } from '../config';
import type { Database } from '../db';
import type { Gateway } from '../gateway/gateway';
import { bullmqIngestQueue } from './bullmq-ingest-queue';
import { pendingStatuses, transitionDocument, unfinishedDocuments } from './document-store';
import { inProcessIngestQueue } from './in-process-ingest-queue';
import type { IngestDeps } from './ingest-document';
import { ingestProcessor, type RetryPolicy } from './ingest-processor';
import type { IngestProcessor, IngestQueue } from './ingest-queue';
import { warmParserProcess } from './parse/parser-process';
import { isReindexJob, queueStaleKnowledgeBases, reindexProcessor } from './reindex-job';
import { ensureVectorStore } from './vector-store';

/** The knowledge subsystem's running parts: the ingestion queue and what its jobs need. */
export interface KnowledgeService {
  queue: IngestQueue;
  ingest: IngestDeps;
  close(): Promise<void>;
}

export interface StartKnowledgeOptions {
  /** re-queue documents whose job did not finish (after a crash or restart); default true */
  resume?: boolean;
  retry?: RetryPolicy;
  batchSize?: number;
  /** re-index knowledge bases indexed with older search terms (reindex-job.ts); default: resume */
  reindex?: boolean;
  /** chunk slices of the re-index (tests make them small) */
  reindexSliceMs?: number;
  log?: (line: string) => void;
}

/**
 * Picks the queue once (BullMQ with REDIS_URL, in-process otherwise), prepares the vector
 * table, and re-queues unfinished documents: their status is the record, the queue is not.
 */
export async function startKnowledge(
  deps: { config: Config; database: Database; gateway?: Gateway },
  options: StartKnowledgeOptions = {},
): Promise<KnowledgeService> {
  const ingest: IngestDeps = {
    db: deps.database.db,
    dataDir: deps.config.dataDir,
    gateway: deps.gateway,
    batchSize: options.batchSize,
    parse: deps.config.parse,
  };
  await ensureVectorStore(deps.database.db);
  // the first upload should not wait for a parser process to start
  warmParserProcess(deps.config.parse.maxMemoryMb);
  let queue: IngestQueue | undefined;
  const requeue = (jobId: string, delayMs?: number) => queue!.enqueue(jobId, { delayMs });
  const ingestJob = ingestProcessor(ingest, requeue, options.retry);
  const reindex = {
    db: ingest.db,
    requeue,
    log: options.log ?? ((line: string) => console.log(line)),
    sliceMs: options.reindexSliceMs,
    batchSize: options.batchSize,
  };
  const reindexJob = reindexProcessor(reindex);
  // one queue for both: on the scale path BullMQ spreads re-index slices over the workers too
  const processor: IngestProcessor = (jobId, signal) =>
    isReindexJob(jobId) ? reindexJob(jobId, signal) : ingestJob(jobId, signal);
  queue = deps.config.redisUrl
    ? await bullmqIngestQueue(deps.config.redisUrl, processor)
    : inProcessIngestQueue(processor);
  if (options.resume ?? true) {
    for (const doc of await unfinishedDocuments(deps.database.db)) {
      await transitionDocument(deps.database.db, doc.id, pendingStatuses, { status: 'queued', progress: 0 });
      await queue.enqueue(doc.id);
    }
  }
  if (options.reindex ?? options.resume ?? true) await queueStaleKnowledgeBases(reindex);
  return { queue, ingest, close: () => queue!.close() };
}
