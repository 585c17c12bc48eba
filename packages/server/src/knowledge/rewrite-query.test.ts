import type { ChatMessage } from '@qiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConversation } from '../../test/helpers/chat-test-app';
import { readSseJson } from '../../test/helpers/read-sse';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';
import { cleanQuery, rewriteQuery } from './rewrite-query';

let t: KnowledgeTestApp;
beforeAll(async () => {
  t = await startKnowledgeTestApp();
}, 120_000);
afterAll(() => t.close());

const catalog = [
  '# Speakers',
  '## Aurora X2',
  'The Aurora X2 is a portable speaker with 20 hours of battery.',
  '## Aurora X2 pricing',
  'Aurora X2 costs 1299 yuan in total, shipping included.',
  '## Nimbus S1 pricing',
  'The Nimbus S1 costs 899 yuan in total.',
].join('\n\n');

const thread: ChatMessage[] = [
  { role: 'user', content: 'Tell me about the Aurora X2 speaker.' },
  { role: 'assistant', content: 'It is a portable speaker.' },
  { role: 'user', content: '那它的价格呢？' },
];

describe('query rewriting', () => {
  it('turns a follow-up into a standalone query with one call to the chat model', async () => {
    const query = await rewriteQuery(t.deps, {
      model: 'openai/fixture-chat',
      thread,
      userId: t.user.id,
      fallback: 'raw',
    });
    expect(query).toBe('Tell me about the Aurora X2 speaker. 那它的价格呢？');
  });

  it('falls back to the raw query without earlier turns, on errors and on timeout', async () => {
    const input = { thread, userId: t.user.id, fallback: 'raw' };
    expect(
      await rewriteQuery(t.deps, { ...input, model: 'openai/fixture-chat', thread: thread.slice(2) }),
    ).toBe('raw');
    expect(await rewriteQuery(t.deps, { ...input, model: 'openai/fixture-500' })).toBe('raw');
    const started = Date.now();
    expect(await rewriteQuery(t.deps, { ...input, model: 'openai/fixture-stall', timeoutMs: 300 })).toBe(
      'raw',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('keeps only the query of a decorated reply', () => {
    expect(cleanQuery('Query: “Aurora X2 价格”\nBecause the user asked…')).toBe('Aurora X2 价格');
    expect(cleanQuery('  \n')).toBeUndefined();
    expect(cleanQuery('x'.repeat(600))).toBeUndefined();
  });

  it('retrieves for a chat follow-up with the rewritten question', async () => {
    const kb = await t.createKb('catalog');
    await t.ingest(kb.id, [{ name: 'catalog.md', content: catalog }]);
    const conversation = await newConversation(t, { model: 'openai/fixture-cite' });
    await t.request(`/api/knowledge-bases/bindings/${conversation.id}`, {
      method: 'PUT',
      json: { knowledgeBaseIds: [kb.id] },
    });
    const ask = async (content: string) =>
      readSseJson(
        await t.request(`/api/conversations/${conversation.id}/messages`, {
          method: 'POST',
          json: { content },
        }),
      );
    await ask('Tell me about the Aurora X2 speaker.');
    // long enough that the model-less heuristic would search it alone, and it names no product
    const events = await ask('And how much does it cost in total?');
    const sources = events.find((e) => e.event === 'sources')!.data.sources;
    expect(sources[0].heading).toBe('Speakers › Aurora X2 pricing');
    const rewrites = t.fixture.requests.filter(
      (r) =>
        r.body?.model === 'fixture-cite' &&
        String(r.body?.messages?.[0]?.content).includes('standalone search query'),
    );
    expect(rewrites).toHaveLength(1);
  });
});
