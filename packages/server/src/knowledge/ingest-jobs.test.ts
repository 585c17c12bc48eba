import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers/chat-test-app';
import { testDatabaseKind } from '../../test/helpers/test-database';
import { kbChunks } from '../db/schema';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;
const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

const bigDoc = Array.from(
  { length: 300 },
  (_, i) => `第${i}段：取消测试的文本。Paragraph ${i} for the cancel test.`,
).join('\n\n');

beforeAll(async () => {
  t = await startKnowledgeTestApp({
    knowledge: { batchSize: 1 },
    // an embedding provider that is down: every attempt fails with a retryable error
    env: {
      QIAO_PROVIDERS: JSON.stringify([{ id: 'down', baseUrl: 'http://127.0.0.1:9/v1', models: ['embed'] }]),
    },
  });
}, 120_000);
afterAll(() => t.close());

it('cancels a running job and removes what it wrote', async () => {
  const kb = await t.createKb('cancel', { settings: { chunkTargetChars: 100, chunkOverlapChars: 0 } });
  const { documents } = await body(t.upload(kb.id, [{ name: 'big.txt', content: bigDoc }]));
  const id = documents[0].id;
  const chunks = async () =>
    (await t.database.db.select({ n: count() }).from(kbChunks).where(eq(kbChunks.documentId, id)))[0]!.n;
  await waitFor(chunks, (n) => n >= 5);
  const cancel = await t.request(`/api/knowledge-bases/${kb.id}/documents/${id}/cancel`, { method: 'POST' });
  expect(cancel.status).toBe(200);
  expect(await body(cancel)).toMatchObject({ status: 'cancelled', error: 'Cancelled by the user' });
  await t.knowledge.queue.idle();
  expect(await chunks()).toBe(0);
  expect(await body(t.request(`/api/knowledge-bases/${kb.id}/documents/${id}`))).toMatchObject({
    status: 'cancelled',
  });
}, 60_000);

// without pgvector (CI's Postgres) nothing is embedded, so the provider is never called
it.skipIf(testDatabaseKind() === 'postgres')(
  'retries a retryable failure with backoff, then fails with the reason (skipped on Postgres: no pgvector)',
  async () => {
    const kb = await t.createKb('retry', { settings: { embeddingModel: 'down/embed' } });
    const [doc] = await t.ingest(kb.id, [{ name: 'a.md', content: '# 标题\n\n一段文字。' }]);
    const row = await body(t.request(`/api/knowledge-bases/${kb.id}/documents/${doc!.id}`));
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.error).toMatch(/down/);
  },
  60_000,
);
