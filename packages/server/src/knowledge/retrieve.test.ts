import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RerankFixture, startRerankFixture } from '../../test/fixtures/rerank-fixture-server';
import { testDatabaseKind } from '../../test/helpers/test-database';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';
import { retrieve } from './retrieve';

let t: KnowledgeTestApp;
let rerankFixture: RerankFixture;
let bob: { user: { id: string }; key: string };
const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

const faq = [
  '# 常见问题',
  '## 发票',
  '电子发票会在付款后二十四小时内发送到您的邮箱。',
  '## 配送',
  '订单通常在三个工作日内从上海仓库发货。',
  '## Passwords',
  'To reset your password, open Settings and choose Security, then Reset password.',
].join('\n\n');

beforeAll(async () => {
  rerankFixture = await startRerankFixture();
  t = await startKnowledgeTestApp({
    env: {
      QIAO_PROVIDERS: JSON.stringify([{ id: 'rr', baseUrl: rerankFixture.url, models: ['fixture-rerank'] }]),
    },
  });
  bob = await t.addUser('bob');
}, 120_000);
afterAll(async () => {
  await t.close();
  await rerankFixture.close();
});

const deps = () => ({ db: t.database.db, config: t.deps.config, gateway: t.gateway });

describe('retrieval', () => {
  it('returns only chunks from knowledge bases the caller may read, enforced in the query', async () => {
    const mine = await t.createKb('alice-kb');
    const theirs = await t.createKb('bob-kb', {}, bob.key);
    await t.ingest(mine.id, [{ name: 'faq.md', content: faq }]);
    await t.ingest(
      theirs.id,
      [{ name: 'secret.md', content: '# 机密\n\n发票系统的管理员密码是 hunter2。' }],
      bob.key,
    );

    // asking for both ids directly, bypassing the routes: bob's chunks never come back to alice
    const forAlice = await retrieve(deps(), {
      userId: t.user.id,
      kbIds: [mine.id, theirs.id],
      query: '发票 密码 hunter2',
    });
    expect(forAlice.hits.length).toBeGreaterThan(0);
    expect(forAlice.hits.every((hit) => hit.source.kbId === mine.id)).toBe(true);
    expect(forAlice.hits.some((hit) => hit.text.includes('hunter2'))).toBe(false);

    const forBob = await retrieve(deps(), {
      userId: bob.user.id,
      kbIds: [mine.id, theirs.id],
      query: '发票 hunter2',
    });
    expect(forBob.hits.every((hit) => hit.source.kbId === theirs.id)).toBe(true);
    expect(forBob.hits[0]!.text).toContain('hunter2');
  });

  it('marks passages under the threshold and finds nothing for unrelated queries', async () => {
    const kb = await t.createKb('threshold', { settings: { scoreThreshold: 0.5 } });
    await t.ingest(kb.id, [{ name: 'faq.md', content: faq }]);
    const unrelated = await retrieve(deps(), {
      userId: t.user.id,
      kbIds: [kb.id],
      query: '量子计算机的原理',
    });
    expect(unrelated.hits.filter((hit) => hit.passesThreshold)).toEqual([]);
    const related = await retrieve(deps(), {
      userId: t.user.id,
      kbIds: [kb.id],
      query: '电子发票什么时候发送',
    });
    expect(related.hits[0]!.passesThreshold).toBe(true);
    expect(related.hits[0]!.text).toContain('电子发票');
  });

  it('reranks through the provider /rerank endpoint', async () => {
    const kb = await t.createKb('rerank', { settings: { rerankModel: 'rr/fixture-rerank' } });
    await t.ingest(kb.id, [{ name: 'faq.md', content: faq }]);
    const result = await body(t.search(kb.id, 'reset password settings'));
    expect(result.hits[0].scores.rerank).toBeGreaterThan(0.5);
    expect(result.hits[0].text).toContain('Reset password');
    expect(rerankFixture.requests.at(-1)).toMatchObject({
      model: 'fixture-rerank',
      query: 'reset password settings',
    });
  });

  it.skipIf(testDatabaseKind() === 'postgres')(
    'fuses BM25 and pgvector results (skipped on Postgres: CI has no pgvector)',
    async () => {
      const kb = await t.createKb('hybrid', { settings: { embeddingModel: 'openai/fixture-embed' } });
      const [doc] = await t.ingest(kb.id, [{ name: 'faq.md', content: faq }]);
      expect(doc).toMatchObject({ status: 'ready' });
      const result = await body(t.search(kb.id, '发票什么时候发送'));
      expect(result.mode).toBe('hybrid');
      expect(result.notes).toEqual([]);
      const top = result.hits[0];
      expect(top.text).toContain('电子发票');
      expect(top.scores.bm25).toBeGreaterThan(0);
      expect(top.scores.vector).toBeGreaterThan(0);
      expect(top.scores.fused).toBeGreaterThan(0);
      const vectorOnly = await body(t.search(kb.id, '发票', { mode: 'vector' }));
      expect(vectorOnly.hits[0].scores.bm25).toBeUndefined();
      expect(vectorOnly.hits[0].scores.vector).toBeGreaterThan(0);
    },
  );

  it('falls back to keyword search when there is no embedding model', async () => {
    const kb = await t.createKb('kw');
    await t.ingest(kb.id, [{ name: 'faq.md', content: faq }]);
    const result = await body(t.search(kb.id, '配送', { mode: 'hybrid' }));
    expect(result.notes.join(' ')).toContain('keyword');
    expect(result.hits[0].text).toContain('发货');
  });
});
