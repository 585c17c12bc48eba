import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { IngestProcessor, IngestQueue } from './ingest-queue';

const queueName = 'qiao-ingest';

/**
 * Jobs in Redis, so several Qiao processes share the work. Retries are not BullMQ's: the
 * processor re-queues with a delay itself, the same policy as in-process.
 */
export async function bullmqIngestQueue(redisUrl: string, process: IngestProcessor): Promise<IngestQueue> {
  // BullMQ requires maxRetriesPerRequest: null on the connections its workers block on
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection });
  const running = new Map<string, AbortController>();
  const worker = new Worker(
    queueName,
    async (job) => {
      const documentId = String(job.data.documentId);
      const controller = new AbortController();
      running.set(documentId, controller);
      try {
        await process(documentId, controller.signal).catch(() => {});
      } finally {
        running.delete(documentId);
      }
    },
    { connection: workerConnection, concurrency: 1 },
  );
  worker.on('error', () => {}); // connection hiccups are retried by ioredis

  return {
    kind: 'bullmq',
    async enqueue(documentId, options = {}) {
      await queue.add(
        'ingest',
        { documentId },
        { jobId: documentId, delay: options.delayMs, removeOnComplete: true, removeOnFail: true },
      );
    },
    abort(documentId) {
      running.get(documentId)?.abort();
      void queue.remove(documentId).catch(() => {});
    },
    async idle() {
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
        if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      for (const controller of running.values()) controller.abort();
      await worker.close();
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}
