import { eq, sql } from 'drizzle-orm';
import { stemmer } from 'stemmer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbDocuments, knowledgeBases } from '../db/schema';
import { writeAnalysedChunks } from './chunk-writer';
import { addDocument } from './document-store';
import { startKnowledge } from './knowledge-service';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';
import { reindexBatch } from './reindex-batch';
import { searchIndexVersion } from './search-index-version';
import { searchTerms } from './search-terms';
import type { TermFrequencies } from './term-frequencies';

// The index of a knowledge base written before searchIndexVersion 2: the same writer, given
// the old tokenizer's terms (its one rule that changed: a Latin or digit run swallowing the Han
// after it). Written through writeAnalysedChunks, not a module mock: test files share modules.
function legacyTerms(text: string): TermFrequencies {
  const terms = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+(?:[._'-][\p{L}\p{N}]+)*/gu),
  ].flatMap(([run]) =>
    /\p{Script=Han}/u.test(run[0]!) ? searchTerms(run) : [/^[a-z]{3,}$/.test(run) ? stemmer(run) : run],
  );
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { terms: [...counts.keys()], tfs: [...counts.values()], length: terms.length };
}

const passage = 'FFN结构占参数总数的三分之二';
const filler = (i: number) => `第${i}节介绍仓库管理与发货流程，订单在三个工作日内发出。`;
const chunkCount = 22;
const batchSize = 4;

let t: KnowledgeTestApp;
let kbId: string;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.deps.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const describeKb = async () =>
  (await (await t.request(`/api/knowledge-bases/${kbId}`)).json()) as {
    reindex?: { done: number; total: number };
  };
const hits = async (query: string) =>
  ((await (await t.search(kbId, query)).json()) as { hits: { text: string }[] }).hits;

/** A knowledge base of two documents indexed with the legacy terms, labelled version 1. */
async function legacyKnowledgeBase(name: string): Promise<string> {
  const db = t.deps.database.db;
  const kb = await t.createKb(name);
  for (const [d, size] of [
    [0, 14],
    [1, chunkCount - 14],
  ] as const) {
    const doc = await addDocument(db, {
      kbId: kb.id,
      name: `${name}-${d}.txt`,
      contentHash: `${name}-${d}`,
      sizeBytes: 1,
    });
    const chunks = Array.from({ length: size }, (_, index) => ({
      index,
      text: d === 1 && index === 3 ? passage : filler(d * 100 + index),
      headingPath: [],
    }));
    await writeAnalysedChunks(
      db,
      { kbId: kb.id, documentId: doc.id },
      chunks.map((chunk) => ({ chunk, tf: legacyTerms(chunk.text) })),
    );
    await db
      .update(kbDocuments)
      .set({ status: 'ready', chunkCount: size, indexVersion: 1 })
      .where(eq(kbDocuments.id, doc.id));
  }
  await db.update(knowledgeBases).set({ indexVersion: 1 }).where(eq(knowledgeBases.id, kb.id));
  return kb.id;
}

/** kb_terms, kb_stats and the posting blocks equal a recount over the chunks' terms. */
async function expectConsistentIndex() {
  const drift = await rows(sql`
    select coalesce(k.term, c.term) as term from (select * from kb_terms where kb_id = ${kbId}) k
    full join (select u as term, count(*)::int as df from kb_chunks, unnest(terms) u where kb_id = ${kbId} group by u) c
      on c.term = k.term
    where k.df is distinct from c.df`);
  expect(drift).toEqual([]);
  const totals = await rows(sql`
    select s.chunk_count = count(c.id)::int and s.term_total = coalesce(sum(c.term_count), 0) as same
    from kb_stats s left join kb_chunks c on c.kb_id = s.kb_id where s.kb_id = ${kbId} group by s.kb_id`);
  expect(totals).toEqual([{ same: true }]);
  const chunkPostings = sql`select c.document_id, c.index, u.term, u.tf from kb_chunks c,
    unnest(c.terms, c.term_tfs) u(term, tf) where c.kb_id = ${kbId}`;
  const blockPostings = sql`select b.document_id, p.index, b.term, p.tf from kb_posting_blocks b,
    unnest(b.chunk_indexes, b.tfs) p(index, tf) where b.kb_id = ${kbId}`;
  expect(
    await rows(
      sql`(${chunkPostings} except all ${blockPostings}) union all (${blockPostings} except all ${chunkPostings})`,
    ),
  ).toEqual([]);
}

const blobTerm = 'ffn结构占参数总数的三分之二';
const question = 'Transformer中FFN结构占参数总数的多少？';

beforeAll(async () => {
  t = await startKnowledgeTestApp();
}, 60_000);
afterAll(() => t.close());

describe('re-index of knowledge bases indexed with older search terms', () => {
  it('re-indexes after start, in the background, with progress, and the new terms find the passage', async () => {
    kbId = await legacyKnowledgeBase('legacy');
    expect(
      await rows(sql`select term from kb_terms where kb_id = ${kbId} and term = ${blobTerm}`),
    ).toHaveLength(1);
    expect((await hits(question)).some((hit) => hit.text === passage)).toBe(false);
    expect((await describeKb()).reindex).toBeUndefined();

    const lines: string[] = [];
    // slices of one batch each: every batch goes back through the queue
    const service = await startKnowledge(t.deps, {
      resume: false,
      reindex: true,
      batchSize,
      reindexSliceMs: 0,
      log: (l) => lines.push(l),
    });
    // progress is reported while it runs; search answers meanwhile
    const stale = sql`select 1 from knowledge_bases where id = ${kbId} and index_version < ${searchIndexVersion}::int`;
    const seen: { done: number; total: number }[] = [];
    const answered: number[] = [];
    while ((await rows(stale)).length > 0) {
      const progress = (await describeKb()).reindex;
      if (progress) seen.push(progress);
      answered.push((await hits('仓库管理与发货流程')).length);
    }
    await service.queue.idle();
    await service.close();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.done).toBeLessThan(chunkCount);
    expect(seen.every((p) => p.total === chunkCount && p.done <= p.total)).toBe(true);
    expect(answered.every((count) => count > 0)).toBe(true);
    expect((await describeKb()).reindex).toBeUndefined();
    expect(lines[0]).toMatch(/Re-indexing 1 knowledge base\(s\) .* \(22 chunks left\)/);
    expect(lines.at(-1)).toBe('Re-indexed knowledge base "legacy": 22 chunks');

    expect(await rows(sql`select term from kb_terms where kb_id = ${kbId} and term = ${blobTerm}`)).toEqual(
      [],
    );
    expect(
      await rows(sql`select id from kb_chunks where kb_id = ${kbId} and ${blobTerm} = any(terms)`),
    ).toEqual([]);
    expect((await hits(question))[0]?.text).toBe(passage);
    await expectConsistentIndex();
  });

  it('answers searches half way, and resumes an interrupted run without redoing its batches', async () => {
    kbId = await legacyKnowledgeBase('interrupted');
    const db = t.deps.database.db;
    const [doc] = await rows<{ id: string }>(
      sql`select id from kb_documents where kb_id = ${kbId} order by chunk_count desc limit 1`,
    );
    // a first run did three batches of a document, then the process died
    await db
      .update(knowledgeBases)
      .set({ reindexDone: 0, reindexTotal: chunkCount })
      .where(eq(knowledgeBases.id, kbId));
    for (let i = 0; i < 3; i++) expect(await reindexBatch(db, kbId, doc!.id, batchSize)).toBe(batchSize);
    expect((await describeKb()).reindex).toEqual({ done: 12, total: chunkCount });
    await expectConsistentIndex();
    expect((await hits('仓库管理与发货流程')).length).toBeGreaterThan(0);
    expect((await hits('第5节')).length).toBeGreaterThan(0);
    // a done chunk marked (its length, and the totals with it): a run that redid it would recount it
    const mark = async (by: number) => {
      await db.execute(sql`update kb_chunks set term_count = term_count + ${by}::int
        where document_id = ${doc!.id} and index = 0`);
      await db.execute(sql`update kb_stats set term_total = term_total + ${by}::int where kb_id = ${kbId}`);
    };
    await mark(1000);

    const lines: string[] = [];
    const service = await startKnowledge(t.deps, {
      resume: false,
      reindex: true,
      batchSize,
      log: (l) => lines.push(l),
    });
    await service.queue.idle();
    await service.close();
    expect(lines[0]).toMatch(/\(10 chunks left\)/);
    expect(lines.at(-1)).toBe('Re-indexed knowledge base "interrupted": 22 chunks');
    const [marked] = await rows<{ term_count: number }>(
      sql`select term_count from kb_chunks where document_id = ${doc!.id} and index = 0`,
    );
    expect(marked!.term_count).toBeGreaterThan(1000);
    expect((await hits(question))[0]?.text).toBe(passage);
    await mark(-1000);
    await expectConsistentIndex();
  });
});
