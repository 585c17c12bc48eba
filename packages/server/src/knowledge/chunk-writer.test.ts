import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { kbDocuments, kbStats } from '../db/schema';
import { createUser } from '../users/user-store';
import { bm25Search } from './bm25-search';
import { deleteDocumentChunks, rewriteChunk, writeChunkBatch } from './chunk-writer';
import { addDocument } from './document-store';
import { createKnowledgeBase } from './kb-store';
import { queryTerms } from './search-terms';

let database: Database;
let userId: string;
let kbId: string;
const rows = async (query: ReturnType<typeof sql>) =>
  (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };

beforeAll(async () => {
  database = await createTestDatabase();
  userId = (await createUser(database.db, { username: 'writer', password: 'writer-password-1' })).id;
  kbId = (await createKnowledgeBase(database.db, userId, { name: 'kb' })).id;
}, 60_000);
afterAll(() => database.close());

const texts = [
  '电子发票会在付款后二十四小时内发送到您的邮箱。',
  '订单通常在三个工作日内从上海仓库发货，发票随货寄出。',
  'To reset your password, open Settings and choose Security.',
  'The warehouse in Shanghai ships orders within three days; 仓库 also keeps invoices.',
];

async function newDocument(name: string) {
  const doc = await addDocument(database.db, { kbId, name, contentHash: name, sizeBytes: 1 });
  await database.db.update(kbDocuments).set({ status: 'ready' }).where(eq(kbDocuments.id, doc.id));
  return doc.id;
}

/** kb_terms and kb_stats must always equal what a recount over the chunks gives. */
async function expectConsistentIndex() {
  const { rows: drift } = await rows(sql`
    select coalesce(k.term, c.term) as term from kb_terms k
    full join (select t as term, count(*)::int as df from kb_chunks, unnest(terms) t where kb_id = ${kbId} group by t) c
      on c.term = k.term
    where (k.kb_id is null or k.kb_id = ${kbId}) and k.df is distinct from c.df`);
  expect(drift).toEqual([]);
  const [stats] = await database.db.select().from(kbStats).where(eq(kbStats.kbId, kbId));
  const { rows: totals } = await rows(
    sql`select count(*)::int as n, coalesce(sum(term_count), 0)::int as t from kb_chunks where kb_id = ${kbId}`,
  );
  expect([stats?.chunkCount, stats?.termTotal]).toEqual([totals[0]!.n, totals[0]!.t]);
  // the posting blocks hold each (chunk, term, tf) of the chunks exactly once, nothing else
  const chunkPostings = sql`select c.document_id, c.index, u.term, u.tf from kb_chunks c,
    unnest(c.terms, c.term_tfs) u(term, tf) where c.kb_id = ${kbId}`;
  const blockPostings = sql`select b.document_id, p.index, b.term, p.tf from kb_posting_blocks b,
    unnest(b.chunk_indexes, b.tfs) p(index, tf)
    where b.kb_id = ${kbId} and p.index between b.first_index and b.last_index`;
  const { rows: stray } = await rows(sql`
    (${chunkPostings} except all ${blockPostings}) union all (${blockPostings} except all ${chunkPostings})`);
  expect(stray).toEqual([]);
}

describe('chunk writer', () => {
  it('keeps document frequencies and totals exact through writes, retries, edits and deletes', async () => {
    const first = await newDocument('a.md');
    const second = await newDocument('b.md');
    const batch = texts.map((text, index) => ({ index, text, headingPath: index < 2 ? ['常见问题'] : [] }));
    await writeChunkBatch(database.db, { kbId, documentId: first }, batch);
    // the same batch again (a job retried after a crash) replaces, never duplicates
    const written = await writeChunkBatch(database.db, { kbId, documentId: first }, batch);
    await writeChunkBatch(database.db, { kbId, documentId: second }, batch.slice(0, 2));
    await expectConsistentIndex();

    await rewriteChunk(
      database.db,
      written[0]!.id,
      kbId,
      'Refunds take 5 working days. 退款五个工作日到账。',
    );
    await expectConsistentIndex();
    await deleteDocumentChunks(database.db, kbId, second);
    await expectConsistentIndex();
    const { rows: left } = await rows(sql`select count(*)::int as n from kb_chunks where kb_id = ${kbId}`);
    expect(left[0]!.n).toBe(4);
  });

  it('scores exactly Okapi BM25 over the stored terms', async () => {
    const query = '上海仓库 invoices 发票';
    const { hits } = await bm25Search(database.db, { userId, kbIds: [kbId], query, limit: 10 });
    const { rows: chunks } = await rows(
      sql`select id, terms, term_tfs, term_count from kb_chunks where kb_id = ${kbId}`,
    );
    const n = chunks.length;
    const avgdl = chunks.reduce((sum, c) => sum + Number(c.term_count), 0) / n;
    const q = [...new Set(queryTerms(query))];
    const df = (term: string) => chunks.filter((c) => (c.terms as string[]).includes(term)).length;
    const expected = chunks
      .map((c) => {
        const terms = c.terms as string[];
        let score = 0;
        for (const term of q) {
          const at = terms.indexOf(term);
          if (at < 0) continue;
          const tf = (c.term_tfs as number[])[at]!;
          const idf = Math.log(1 + (n - df(term) + 0.5) / (df(term) + 0.5));
          score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * Number(c.term_count)) / avgdl));
        }
        return { chunkId: String(c.id), bm25: score };
      })
      .filter((hit) => hit.bm25 > 0)
      .sort((a, b) => b.bm25 - a.bm25);
    expect(hits.map((hit) => hit.chunkId)).toEqual(expected.map((hit) => hit.chunkId));
    for (const [i, hit] of hits.entries()) expect(hit.bm25).toBeCloseTo(expected[i]!.bm25, 9);
  });

  it('reads each term best blocks first, and every chunk of a rare term', async () => {
    const doc = await newDocument('many.md');
    const filler = Array.from({ length: 300 }, (_, index) => ({
      index,
      text: `alpha report number ${index} about the weekly meeting and its notes.`,
      headingPath: [],
    }));
    filler[250] = { index: 250, text: 'alpha alpha alpha alpha.', headingPath: [] };
    filler[170] = { index: 170, text: 'zebra crossing near the alpha office.', headingPath: [] };
    await writeChunkBatch(database.db, { kbId, documentId: doc }, filler);
    await expectConsistentIndex();
    const { rows: ids } = await rows(sql`select id, index from kb_chunks where document_id = ${doc}`);
    const idOf = (index: number) => String(ids.find((row) => row.index === index)!.id);
    const reach = { blocksPerTerm: 1, candidates: 5, seedIdfShare: 0.5 };
    const search = async (query: string) =>
      (await bm25Search(database.db, { userId, kbIds: [kbId], query, limit: 3 }, reach)).hits;
    expect((await search('alpha'))[0]?.chunkId).toBe(idOf(250));
    expect((await search('zebra alpha'))[0]?.chunkId).toBe(idOf(170));
    await deleteDocumentChunks(database.db, kbId, doc);
    await expectConsistentIndex();
  });

  it('finds nothing for a user who is not a member', async () => {
    const stranger = await createUser(database.db, {
      username: 'stranger',
      password: 'stranger-password-1',
    });
    expect(
      (await bm25Search(database.db, { userId: stranger.id, kbIds: [kbId], query: '发票', limit: 5 })).hits,
    ).toEqual([]);
  });
});
