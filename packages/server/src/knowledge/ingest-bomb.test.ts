import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { percentile } from '../../bench/stats';
import { docxBomb, xlsxOfCells } from '../../test/fixtures/documents/honest-zip-bomb';
import { kbDocuments } from '../db/schema';
import { storeDocumentBytes } from './document-bytes';
import { addDocument, unfinishedDocuments } from './document-store';
import { startKnowledge } from './knowledge-service';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;
const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

beforeAll(async () => {
  t = await startKnowledgeTestApp({
    // low budgets keep the test short; the caps are lifted so the bomb reaches the parser
    env: {
      QIAO_PARSE_MAX_MEMORY_MB: '64',
      QIAO_PARSE_MAX_ENTRY_BYTES: String(2 ** 31),
      QIAO_PARSE_MAX_INFLATED_BYTES: String(2 ** 31),
      QIAO_PARSE_MAX_CELLS: '1000',
    },
  });
}, 120_000);
afterAll(() => t.close());

/** GET /health every 20 ms while `work` runs: what a client of this server sees meanwhile. */
async function healthDuring(work: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const res = await t.request('/health');
    latencies.push(performance.now() - started);
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

it('fails a docx bomb for good after its parser ran out of memory twice; /health stays fast', async () => {
  const kb = await t.createKb('bombs');
  const { documents } = await body(t.upload(kb.id, [{ name: 'bomb.docx', content: docxBomb(20) }]));
  const latencies = await healthDuring(t.knowledge.queue.idle());
  const doc = await body(t.request(`/api/knowledge-bases/${kb.id}/documents/${documents[0].id}`));
  expect(doc).toMatchObject({ status: 'failed', attempts: 2, chunkCount: 0 });
  expect(doc.error).toBe(
    'bomb.docx could not be parsed: it needs more than the 64 MB of memory a document may use; it failed 2 times and will not be tried again',
  );
  // the old in-process parse held the event loop for the whole of mammoth's run (seconds)
  expect(latencies.length).toBeGreaterThan(10);
  expect(percentile(latencies, 99)).toBeLessThan(1_000);

  // a restart does not queue it again
  expect((await unfinishedDocuments(t.database.db)).map((d) => d.id)).not.toContain(documents[0].id);
}, 90_000);

it('fails a workbook over the cell cap at once, with the reason', async () => {
  const kb = await t.createKb('cells');
  const [doc] = await t.ingest(kb.id, [{ name: 'cells.xlsx', content: xlsxOfCells(2_000) }]);
  expect(doc).toMatchObject({ status: 'failed' });
  expect(doc!.error).toBe(
    'cells.xlsx was refused: it has more than 1,000 cells, the limit (a zip bomb or an oversized document)',
  );
}, 60_000);

it('after a restart, fails a document whose parser stopped the server twice, and resumes one stopped once', async () => {
  const kb = await t.createKb('restart');
  const { db } = t.database;
  // the rows as two (and one) server crashes in the middle of parsing left them
  const crashed = async (name: string, parseFailures: number) => {
    const bytes = new TextEncoder().encode(`# ${name}\n\n一段正文，关于 ${name}。`);
    const row = await addDocument(db, {
      kbId: kb.id,
      name,
      contentHash: await storeDocumentBytes(t.deps.config.dataDir, bytes),
      sizeBytes: bytes.byteLength,
    });
    await db
      .update(kbDocuments)
      .set({ status: 'parsing', attempts: parseFailures, parseFailures })
      .where(eq(kbDocuments.id, row.id));
    return row.id;
  };
  const twice = await crashed('twice.md', 2);
  const once = await crashed('once.md', 1);

  const restarted = await startKnowledge(t.deps, { retry: { maxAttempts: 3, baseDelayMs: 5 } });
  try {
    await restarted.queue.idle();
    const [failed] = await db.select().from(kbDocuments).where(eq(kbDocuments.id, twice));
    expect(failed).toMatchObject({ status: 'failed', chunkCount: 0 });
    expect(failed!.error).toBe(
      '"twice.md" could not be parsed: its parser ran out of memory or time, or stopped the server, 2 times; it will not be tried again',
    );
    const [resumed] = await db.select().from(kbDocuments).where(eq(kbDocuments.id, once));
    expect(resumed).toMatchObject({ status: 'ready', parseFailures: 0 });
    expect(await unfinishedDocuments(db)).toEqual([]);
  } finally {
    await restarted.close();
  }
}, 60_000);
