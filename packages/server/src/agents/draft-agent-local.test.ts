import { agentSpec } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tinyGgufPath } from '../../test/fixtures/tiny-gguf';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { listLocalModels } from '../local/list-local-models';

/** One sentence → agent on the in-process llama.cpp runtime: the grammar must close every string. */
let t: ChatTestApp;
let model: string;

beforeAll(async () => {
  // Room for the prompt and the longest bounded draft.
  t = await startChatTestApp({ env: { QIAO_LOCAL_MODEL: tinyGgufPath({ contextLength: 8192 }) } });
  model = listLocalModels(t.deps.config)[0]!.id;
}, 60_000);
afterAll(() => t?.close());

// The weights are random, so the text is nonsense: what counts is that every draft is complete.
test.each(['a teacher who helps children practise spoken English', '帮我做一个陪孩子练英语口语的老师'])(
  'a local model drafts a complete agent under the bounded grammar: %s',
  async (idea) => {
    const res = await t.request('/api/agents/draft', { method: 'POST', json: { idea, model } });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    const draft = agentSpec.parse(body.draft);
    expect(draft.name.length).toBeGreaterThan(0);
    expect(draft.persona.length).toBeGreaterThanOrEqual(20);
    expect(Array.from(draft.persona).length).toBeLessThanOrEqual(1_200);
    expect(draft.suggestions.length).toBeGreaterThan(0);
    expect(draft.visibility).toBe('private');
    // The draft opens in the editor and saves as it is.
    const saved = await t.request('/api/agents', { method: 'POST', json: draft });
    expect(saved.status).toBe(201);
  },
  120_000,
);
