import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bullmqIngestQueue } from './bullmq-ingest-queue';

// CI gives REDIS_URL; here a throwaway redis-server is started when the binary exists
const haveRedis = Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
let redis: ChildProcess | undefined;
let url = process.env.REDIS_URL ?? '';

beforeAll(async () => {
  if (!haveRedis || url) return;
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  url = `redis://127.0.0.1:${port}`;
  await new Promise((resolve) => setTimeout(resolve, 300));
});
afterAll(() => {
  redis?.kill();
});

it.skipIf(!haveRedis)(
  'runs queued documents through BullMQ on Redis (skipped without redis-server)',
  async () => {
    const ran: string[] = [];
    const queue = await bullmqIngestQueue(url, async (id) => {
      ran.push(id);
    });
    try {
      const ids = [`doc-${Date.now()}-a`, `doc-${Date.now()}-b`];
      for (const id of ids) await queue.enqueue(id);
      await queue.enqueue(`${ids[0]}-later`, { delayMs: 50 });
      await queue.idle();
      expect(ran).toEqual([...ids, `${ids[0]}-later`]);
      expect(queue.kind).toBe('bullmq');
    } finally {
      await queue.close();
    }
  },
  30_000,
);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
