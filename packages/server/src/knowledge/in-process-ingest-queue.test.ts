import { describe, expect, it } from 'vitest';
import { inProcessIngestQueue } from './in-process-ingest-queue';

describe('inProcessIngestQueue', () => {
  it('runs jobs one at a time in order, once each, and reports idle', async () => {
    const ran: string[] = [];
    let running = 0;
    const queue = inProcessIngestQueue(async (id) => {
      running++;
      expect(running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      ran.push(id);
      running--;
    });
    await queue.enqueue('a');
    await queue.enqueue('b');
    await queue.enqueue('b');
    await queue.enqueue('c', { delayMs: 20 });
    await queue.idle();
    expect(ran).toEqual(['a', 'b', 'c']);
    await queue.close();
  });

  it('aborts the running job and drops a waiting one', async () => {
    const seen: { id: string; aborted: boolean }[] = [];
    const queue = inProcessIngestQueue(
      (id, signal) =>
        new Promise<void>((resolve) => {
          const done = () => {
            seen.push({ id, aborted: signal.aborted });
            resolve();
          };
          signal.addEventListener('abort', done, { once: true });
          setTimeout(done, 50);
        }),
    );
    await queue.enqueue('a');
    await queue.enqueue('b');
    queue.abort('b');
    queue.abort('a');
    await queue.idle();
    expect(seen).toEqual([{ id: 'a', aborted: true }]);
    await queue.close();
  });
});
