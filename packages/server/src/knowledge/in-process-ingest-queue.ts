import type { IngestProcessor, IngestQueue } from './ingest-queue';

/**
 * One job at a time, in arrival order: the embedded database is a single connection, so
 * parallel jobs would only queue behind each other there while holding more memory.
 */
export function inProcessIngestQueue(process: IngestProcessor): IngestQueue {
  const waiting: string[] = [];
  const queued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<string, AbortController>();
  let current: Promise<void> | undefined;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const pump = () => {
    if (current || closed) return;
    const id = waiting.shift();
    if (id === undefined) {
      if (timers.size === 0) for (const wake of idleWaiters.splice(0)) wake();
      return;
    }
    queued.delete(id);
    const controller = new AbortController();
    running.set(id, controller);
    current = process(id, controller.signal)
      .catch(() => {}) // the processor records failures on the document itself
      .finally(() => {
        running.delete(id);
        current = undefined;
        pump();
      });
  };

  const add = (id: string) => {
    if (closed || queued.has(id)) return;
    queued.add(id);
    waiting.push(id);
    pump();
  };

  return {
    kind: 'in-process',
    async enqueue(documentId, options = {}) {
      if (!options.delayMs) return add(documentId);
      const timer = setTimeout(() => {
        timers.delete(timer);
        add(documentId);
      }, options.delayMs);
      timers.add(timer);
    },
    abort(documentId) {
      running.get(documentId)?.abort();
      const at = waiting.indexOf(documentId);
      if (at >= 0) waiting.splice(at, 1);
      queued.delete(documentId);
    },
    idle() {
      if (!current && waiting.length === 0 && timers.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of running.values()) controller.abort();
      await current;
      for (const wake of idleWaiters.splice(0)) wake();
      idleWaiters = [];
    },
  };
}
