import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { desc } from 'drizzle-orm';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { requestLog } from '../db/schema';

let t: ChatTestApp;
let server: ReturnType<typeof serve>;
let client: OpenAI;
let baseURL: string;

beforeAll(async () => {
  t = await startChatTestApp({
    env: { QIAO_MODEL_ALIASES: '{"fast":"openai/fixture-chat"}' },
    fixture: { tokenDelayMs: 2 },
  });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  client = new OpenAI({ baseURL, apiKey: t.key, maxRetries: 0, timeout: 10_000 });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

const tools: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

test('non-streaming completion', async () => {
  const completion = await client.chat.completions.create({
    model: 'openai/fixture-chat',
    messages: [
      { role: 'system', content: 'Be nice.' },
      { role: 'user', content: '你好 there' },
    ],
    max_completion_tokens: 50,
    temperature: 0.2,
  });
  expect(completion.object).toBe('chat.completion');
  expect(completion.id).toMatch(/^chatcmpl-/);
  expect(completion.model).toBe('openai/fixture-chat');
  expect(completion.choices[0]).toMatchObject({
    index: 0,
    message: { role: 'assistant', content: 'Echo: 你好 there' },
    finish_reason: 'stop',
  });
  expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
  const upstream = t.fixture.requests.at(-1)!.body;
  expect(upstream.temperature).toBe(0.2);

  await t.gateway.flushRequestLog();
  const [logged] = await t.database.db.select().from(requestLog).orderBy(desc(requestLog.createdAt)).limit(1);
  expect(logged).toMatchObject({
    source: 'v1',
    userId: t.user.id,
    status: 'ok',
    model: 'openai/fixture-chat',
  });
  expect(logged!.apiKeyId).toBeTruthy();
});

test('streaming sends the role first, text deltas, finish_reason, then the usage chunk', async () => {
  const stream = await client.chat.completions.create({
    model: 'fast',
    messages: [{ role: 'user', content: 'one two three' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const chunks: OpenAI.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
  expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: one two three');
  const finishIndex = chunks.findIndex((c) => c.choices[0]?.finish_reason);
  expect(chunks[finishIndex]!.choices[0]!.finish_reason).toBe('stop');
  const last = chunks.at(-1)!;
  expect(finishIndex).toBe(chunks.length - 2);
  expect(last.choices).toEqual([]);
  expect(last.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
});

test('raw SSE framing matches OpenAI', async () => {
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'openai/fixture-chat',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    }),
  });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  const frames = text.split('\n\n').filter(Boolean);
  expect(frames.every((f) => f.startsWith('data: '))).toBe(true);
  expect(frames.at(-1)).toBe('data: [DONE]');
  expect(JSON.parse(frames[0]!.slice(6))).toMatchObject({
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  });
  expect(JSON.parse(frames[1]!.slice(6))).not.toHaveProperty('usage');
});

test('tool calls round trip, streamed and not', async () => {
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: '北京' }];
  const first = await client.chat.completions.create({ model: 'openai/fixture-tools', messages, tools });
  const call = first.choices[0]!.message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
  expect(first.choices[0]!.finish_reason).toBe('tool_calls');
  expect(call.function.name).toBe('get_weather');
  expect(JSON.parse(call.function.arguments)).toEqual({ city: '北京' });

  const stream = await client.chat.completions.create({
    model: 'openai/fixture-tools',
    messages,
    tools,
    stream: true,
  });
  let args = '';
  let finish: string | null = null;
  const ids = new Set<string>();
  for await (const chunk of stream) {
    for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
      expect(delta.index).toBe(0);
      if (delta.id) ids.add(delta.id);
      args += delta.function?.arguments ?? '';
    }
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  expect([...ids]).toEqual([call.id]);
  expect(JSON.parse(args)).toEqual({ city: '北京' });
  expect(finish).toBe('tool_calls');

  const answer = await client.chat.completions.create({
    model: 'openai/fixture-tools',
    tools,
    messages: [
      ...messages,
      first.choices[0]!.message,
      { role: 'tool', tool_call_id: call.id, content: '晴 25°C' },
    ],
  });
  expect(answer.choices[0]!.message.content).toBe('Tool result: 晴 25°C');
});

test('response_format json_schema', async () => {
  const completion = await client.chat.completions.create({
    model: 'openai/fixture-json',
    messages: [{ role: 'user', content: 'Ada' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'person',
        strict: true,
        schema: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'integer' } },
          required: ['name', 'age'],
          additionalProperties: false,
        },
      },
    },
  });
  expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ name: 'Ada', age: 1 });
});

test('images in user content are accepted', async () => {
  const completion = await client.chat.completions.create({
    model: 'openai/fixture-chat',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ],
  });
  expect(completion.choices[0]!.message.content).toBe('Echo: what is this');
  const sent = t.fixture.requests.at(-1)!.body.messages[0].content;
  expect(JSON.stringify(sent)).toContain('data:image/png;base64,iVBORw0KGgo=');
});

test('embeddings, float and base64', async () => {
  const floats = await client.embeddings.create({
    model: 'openai/fixture-embed',
    input: ['你好世界', 'hello'],
    encoding_format: 'float',
  });
  expect(floats.data.map((d) => d.index)).toEqual([0, 1]);
  expect(floats.data[0]!.embedding).toHaveLength(64);
  // the SDK asks for base64 by default and decodes it
  const decoded = await client.embeddings.create({ model: 'openai/fixture-embed', input: '你好世界' });
  expect(decoded.data[0]!.embedding[3]).toBeCloseTo(floats.data[0]!.embedding[3]!, 5);
  expect(decoded.usage.prompt_tokens).toBeGreaterThan(0);
});

test('models list includes provider models and aliases', async () => {
  const ids: string[] = [];
  for await (const model of client.models.list()) ids.push(model.id);
  expect(ids).toContain('openai/fixture-chat');
  expect(ids).toContain('fast');
  const one = await client.models.retrieve('openai/fixture-chat');
  expect(one.id).toBe('openai/fixture-chat');
});

test('errors come in the OpenAI shape and map to the SDK error classes', async () => {
  const bad = new OpenAI({ baseURL, apiKey: 'sk-qiao-wrong', maxRetries: 0 });
  await expect(bad.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

  const unknown = client.chat.completions.create({
    model: 'openai/nope',
    messages: [{ role: 'user', content: 'x' }],
  });
  await expect(unknown).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  const error = (await unknown.catch((e) => e)) as InstanceType<typeof OpenAI.NotFoundError>;
  expect((error.error as any).details.validModels).toContain('openai/fixture-chat');
  expect(error.code).toBe('model_not_found');

  const streamUnknown = client.chat.completions.create({
    model: 'openai/nope',
    messages: [{ role: 'user', content: 'x' }],
    stream: true,
  });
  await expect(streamUnknown).rejects.toBeInstanceOf(OpenAI.NotFoundError);

  const invalid = client.chat.completions.create({ model: 'openai/fixture-chat', messages: [] });
  await expect(invalid).rejects.toBeInstanceOf(OpenAI.BadRequestError);

  const upstream = client.chat.completions.create({
    model: 'openai/fixture-500',
    messages: [{ role: 'user', content: 'x' }],
  });
  await expect(upstream).rejects.toBeInstanceOf(OpenAI.APIError);
});

test('a stream that drops midway ends with an error instead of hanging', async () => {
  const stream = await client.chat.completions.create({
    model: 'openai/fixture-drop',
    messages: [{ role: 'user', content: 'one two three four five' }],
    stream: true,
  });
  let text = '';
  const consume = async () => {
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  };
  await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
  expect(text).toBe('Echo: one ');
});

test('a client that goes away cancels the upstream call', async () => {
  const controller = new AbortController();
  const stream = await client.chat.completions.create(
    { model: 'openai/fixture-long-1024', messages: [{ role: 'user', content: 'go' }], stream: true },
    { signal: controller.signal },
  );
  let n = 0;
  // the SDK ends an aborted stream quietly or with an abort error; either way it stops
  await (async () => {
    for await (const _ of stream) if (++n === 3) controller.abort();
  })().catch(() => {});
  expect(n).toBeLessThan(100);
  const upstream = t.fixture.requests.at(-1)!;
  for (let i = 0; i < 100 && !upstream.aborted; i++) await new Promise((r) => setTimeout(r, 20));
  expect(upstream).toMatchObject({ aborted: true, completed: false });
});
