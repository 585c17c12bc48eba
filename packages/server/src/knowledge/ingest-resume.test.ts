import { count, countDistinct, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers/chat-test-app';
import { kbChunks, kbDocuments, kbStats } from '../db/schema';
import { startKnowledge } from './knowledge-service';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;

// ~400 short paragraphs: with one chunk per batch the job runs long enough to be killed
const bigDoc = Array.from(
  { length: 400 },
  (_, i) => `第${i}段：这是用于测试恢复的文本，编号 ${i}。Paragraph ${i} talks about resuming after a crash.`,
).join('\n\n');

beforeAll(async () => {
  t = await startKnowledgeTestApp({ knowledge: { batchSize: 1 } });
}, 120_000);
afterAll(() => t.close());

it('resumes an ingestion killed half-way without duplicate chunks', async () => {
  const kb = await t.createKb('resume', { settings: { chunkTargetChars: 100, chunkOverlapChars: 0 } });
  const res = await t.upload(kb.id, [{ name: 'big.txt', content: bigDoc }]);
  const { documents } = (await res.json()) as { documents: { id: string }[] };
  const id = documents[0]!.id;
  const { db } = t.database;
  const chunksOf = async () =>
    (
      await db
        .select({ n: count(), distinct: countDistinct(kbChunks.index) })
        .from(kbChunks)
        .where(eq(kbChunks.documentId, id))
    )[0]!;

  await waitFor(chunksOf, (c) => c.n >= 20);
  // the "crash": the queue stops mid-job and leaves what it wrote
  await t.knowledge.close();
  const [stuck] = await db.select().from(kbDocuments).where(eq(kbDocuments.id, id));
  expect(stuck!.status).toBe('indexing');
  const partial = await chunksOf();
  expect(partial.n).toBeGreaterThan(0);

  // the "restart": unfinished documents are queued again and indexed from scratch
  const restarted = await startKnowledge(t.deps, { batchSize: 50 });
  try {
    await restarted.queue.idle();
    const [doc] = await db.select().from(kbDocuments).where(eq(kbDocuments.id, id));
    expect(doc!.status).toBe('ready');
    const after = await chunksOf();
    expect(after.n).toBe(doc!.chunkCount);
    expect(after.distinct).toBe(after.n);
    expect(after.n).toBeGreaterThan(partial.n);
    const [stats] = await db.select().from(kbStats).where(eq(kbStats.kbId, kb.id));
    expect(stats!.chunkCount).toBe(after.n);
  } finally {
    await restarted.close();
  }
}, 120_000);
