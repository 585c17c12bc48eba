import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tinyGgufPath, writeBrokenGguf } from '../../test/fixtures/tiny-gguf';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';

/** The in-process llama.cpp runtime, end to end: GGUF files in the data dir → /v1 over the SDK. */
let t: ChatTestApp;
let client: OpenAI;

beforeAll(async () => {
  t = await startChatTestApp();
  const models = join(t.deps.config.dataDir, 'models');
  mkdirSync(models, { recursive: true });
  copyFileSync(await tinyGgufPath(), join(models, 'tiny.gguf'));
  await writeBrokenGguf(join(models, 'broken.gguf'), 'missing-feed-forward');
  client = new OpenAI({
    baseURL: 'http://qiao.test/v1',
    apiKey: t.key,
    maxRetries: 0,
    fetch: (async (url: string | URL | Request, init?: RequestInit) =>
      t.app.request(String(url), init)) as unknown as typeof fetch,
  });
}, 60_000);
afterAll(() => t?.close());

test('local models are listed next to the cloud ones', async () => {
  const ids = (await client.models.list()).data.map((model) => model.id);
  expect(ids).toEqual(expect.arrayContaining(['local/tiny', 'local/broken', 'openai/fixture-chat']));
});

test('a local model streams tokens with usage', async () => {
  const stream = await client.chat.completions.create({
    model: 'local/tiny',
    messages: [{ role: 'user', content: '你好' }],
    max_tokens: 12,
    seed: 1,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let usage: OpenAI.CompletionUsage | undefined | null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    usage = chunk.usage ?? usage;
  }
  expect(text.length).toBeGreaterThan(0);
  expect(usage?.completion_tokens).toBeGreaterThan(0);
  expect(usage?.prompt_tokens).toBeGreaterThan(0);
});

test('JSON-schema output from a local model is grammar-constrained', async () => {
  const completion = await client.chat.completions.create({
    model: 'local/tiny',
    messages: [{ role: 'user', content: 'name a city' }],
    max_tokens: 64,
    seed: 2,
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'city',
        schema: {
          type: 'object',
          properties: { ok: { type: 'boolean' } },
          required: ['ok'],
          additionalProperties: false,
        },
      },
    },
  });
  const parsed = JSON.parse(completion.choices[0]?.message.content ?? '');
  expect(typeof parsed.ok).toBe('boolean');
});

test('local embeddings have the model dimension', async () => {
  const result = await client.embeddings.create({ model: 'local/tiny', input: ['桥', 'bridge'] });
  expect(result.data).toHaveLength(2);
  expect(result.data[0]?.embedding).toHaveLength(64);
});

test('a broken GGUF gives a clear error and the server keeps serving', async () => {
  const failure = await client.chat.completions
    .create({ model: 'local/broken', messages: [{ role: 'user', content: 'hi' }] })
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(APIError);
  expect((failure as APIError).status).toBe(400);
  expect((failure as APIError).message).toMatch(/broken\.gguf is not a usable GGUF model/);
  const again = await client.chat.completions.create({
    model: 'openai/fixture-chat',
    messages: [{ role: 'user', content: 'still here' }],
  });
  expect(again.choices[0]?.message.content).toBe('Echo: still here');
});
