/** Runs one document's ingestion; resolves when done, rejects when it failed. */
export type IngestProcessor = (documentId: string, signal: AbortSignal) => Promise<void>;

/**
 * Where ingestion jobs wait. In-process by default; BullMQ on Redis when REDIS_URL is set.
 * Either way the job's state of record is the document row (status, progress, error), so the
 * queue only has to run things, not to remember them: a restart re-queues from the table.
 */
export interface IngestQueue {
  readonly kind: 'in-process' | 'bullmq';
  /** queues a document (again); a document already waiting is not queued twice */
  enqueue(documentId: string, options?: { delayMs?: number }): Promise<void>;
  /** aborts the job of this document if it runs in this process (others see the status) */
  abort(documentId: string): void;
  /** resolves when nothing is queued or running (tests and benches) */
  idle(): Promise<void>;
  close(): Promise<void>;
}
