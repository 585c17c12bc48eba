import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type KnowledgeTestApp, startKnowledgeTestApp } from '../knowledge/knowledge-test-kit';

let t: KnowledgeTestApp;
let client: OpenAI;
let kbId: string;

beforeAll(async () => {
  t = await startKnowledgeTestApp({ env: { QIAO_DEFAULT_MODEL: 'openai/fixture-cite' } });
  // the SDK over the Hono app itself: what an OpenAI client reads, extra fields included
  client = new OpenAI({
    baseURL: 'http://qiao.test/v1',
    apiKey: t.key,
    maxRetries: 0,
    fetch: (url, init) => Promise.resolve(t.app.request(String(url), init as RequestInit)),
  });
  kbId = (await t.createKb('handbook', { settings: { scoreThreshold: 0.3 } })).id;
  await t.ingest(kbId, [
    { name: 'handbook.md', content: '# 员工手册\n\n## 年假\n\n入职满一年的员工每年享有十五天带薪年假。' },
  ]);
  for (const [slug, knowledgeBaseIds] of [
    ['hr-sources', [kbId]],
    ['plain-agent', []],
  ] as const) {
    const res = await t.request('/api/agents', {
      method: 'POST',
      json: { name: slug, slug, model: 'openai/fixture-cite', knowledgeBaseIds },
    });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(() => t?.close());

interface Source {
  index: number;
  document: string;
  heading?: string;
  text: string;
  score: number;
  relevance: number;
  kbId: string;
  documentId: string;
  chunkId: string;
}
const sourcesOf = (value: unknown) => (value as { sources?: Source[] }).sources;

test('a non-streaming agent answer carries the numbered passages it was given in `sources`', async () => {
  const completion = await client.chat.completions.create({
    model: 'agent/hr-sources',
    messages: [{ role: 'user', content: '年假有几天？' }],
  });
  expect(completion.choices[0]?.message.content).toContain('[1]');
  const sources = sourcesOf(completion)!;
  expect(sources).toHaveLength(1);
  expect(sources[0]).toMatchObject({
    index: 1,
    document: '员工手册',
    kbId,
    heading: expect.stringContaining('年假'),
  });
  expect(sources[0]!.text).toContain('十五天带薪年假');
  expect(sources[0]!.relevance).toBeGreaterThanOrEqual(0.3);
  expect(sources[0]!.relevance).toBeLessThanOrEqual(1);
  expect(typeof sources[0]!.score).toBe('number');
  expect(sources[0]!.chunkId).toMatch(/\w/);
  expect(sources[0]!.documentId).toMatch(/\w/);
});

test('a streamed agent answer sends `sources` once, in its first chunk; OpenAI clients read on', async () => {
  const stream = await client.chat.completions.create({
    model: 'agent/hr-sources',
    stream: true,
    messages: [{ role: 'user', content: '年假有几天？' }],
  });
  const chunks: unknown[] = [];
  let text = '';
  for await (const chunk of stream) {
    chunks.push(chunk);
    text += chunk.choices[0]?.delta.content ?? '';
  }
  expect(text).toContain('[1]');
  expect(sourcesOf(chunks[0])?.[0]).toMatchObject({ index: 1, document: '员工手册', kbId });
  expect(chunks.slice(1).filter((chunk) => sourcesOf(chunk) !== undefined)).toEqual([]);
});

test('nothing found is `sources: []`; agents without knowledge and plain models have no field', async () => {
  const unknown = await client.chat.completions.create({
    model: 'agent/hr-sources',
    messages: [{ role: 'user', content: 'quantum chromodynamics lattice' }],
  });
  expect(sourcesOf(unknown)).toEqual([]);
  for (const model of ['agent/plain-agent', 'openai/fixture-chat']) {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion).not.toHaveProperty('sources');
  }
});
