import type { ChatStreamPart } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { collectParts } from '../../test/helpers/collect-parts';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { Database } from '../db';
import { requestLog } from '../db/schema';
import { createGateway, type QiaoGateway } from './create-gateway';
import type { ChatRequest } from './gateway';

const apiKey = 'sk-test-0123456789abcdef';
let fixture: OpenAIFixture;
let database: Database;
let gateway: QiaoGateway;

beforeAll(async () => {
  fixture = await startOpenAIFixture({ rateLimitFailures: 1 });
  database = await createTestDatabase();
  const config = loadConfig(
    {
      OPENAI_API_KEY: apiKey,
      OPENAI_BASE_URL: fixture.url,
      QIAO_MODEL_ALIASES: JSON.stringify({ sturdy: ['openai/fixture-500', 'openai/fixture-chat'] }),
      QIAO_FIRST_TOKEN_TIMEOUT_MS: '300',
      QIAO_MAX_RETRIES: '1',
      QIAO_DATA_DIR: '/tmp/qiao-gateway-test',
    },
    { ensureSecret: false },
  );
  gateway = await createGateway({ config: { ...config, secret: 'x'.repeat(32) }, database });
});
afterAll(async () => {
  await gateway.close();
  await database.close();
  await fixture.close();
});

function collect(request: Partial<ChatRequest>): Promise<ChatStreamPart[]> {
  return collectParts(gateway, {
    source: 'system',
    model: 'openai/fixture-chat',
    ...request,
    messages: request.messages ?? [{ role: 'user', content: 'hello world' }],
  });
}

const text = (parts: ChatStreamPart[]) =>
  parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

test('streams text word by word with start, usage and finish', async () => {
  const parts = await collect({});
  expect(parts[0]).toMatchObject({ type: 'start', model: 'openai/fixture-chat' });
  expect(text(parts)).toBe('Echo: hello world');
  expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(1);
  expect(parts.at(-2)).toEqual({ type: 'usage', usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 } });
  expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  const sent = fixture.requests.at(-1)!;
  expect(sent.body.stream_options).toEqual({ include_usage: true });
  expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
});

test('reasoning_content streams as reasoning-delta parts', async () => {
  const parts = await collect({ model: 'openai/fixture-reasoning' });
  const reasoning = parts.map((part) => (part.type === 'reasoning-delta' ? part.text : '')).join('');
  expect(reasoning).toBe('Thinking about it.');
  expect(text(parts)).toBe('Echo: hello world');
});

test('usage carries the cost from the price table', async () => {
  const parts = await collect({ model: 'openai/gpt-4o-mini' });
  const usage = parts.find((part) => part.type === 'usage');
  expect(usage).toEqual({
    type: 'usage',
    usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 },
    costUsd: (2 * 0.15 + 3 * 0.6) / 1e6,
  });
});

test('tool calls stream as deltas and a final call', async () => {
  const parts = await collect({
    model: 'openai/fixture-tools',
    messages: [{ role: 'user', content: 'Beijing' }],
    tools: [{ name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
  });
  const deltas = parts.filter((part) => part.type === 'tool-call-delta');
  expect(deltas.length).toBeGreaterThan(1);
  expect(deltas.map((part) => part.argumentsDelta).join('')).toBe('{"city":"Beijing"}');
  expect(parts.find((part) => part.type === 'tool-call')).toEqual({
    type: 'tool-call',
    index: 0,
    id: 'call_fixture_1',
    name: 'weather',
    arguments: '{"city":"Beijing"}',
  });
  expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });

  const answer = await collect({
    model: 'openai/fixture-tools',
    messages: [
      { role: 'user', content: 'Beijing' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"Beijing"}' }],
      },
      { role: 'tool', toolCallId: 'c1', content: 'sunny, 25°C' },
    ],
    tools: [{ name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
  });
  expect(text(answer)).toBe('Tool result: sunny, 25°C');
  const sentMessages = fixture.requests.at(-1)!.body.messages;
  expect(sentMessages[1].tool_calls[0]).toMatchObject({ id: 'c1', function: { name: 'weather' } });
  expect(sentMessages[2]).toMatchObject({ role: 'tool', tool_call_id: 'c1' });
});

test('json_schema output is requested and answered', async () => {
  const schema = { type: 'object', properties: { title: { type: 'string' }, score: { type: 'number' } } };
  const parts = await collect({
    model: 'openai/fixture-json',
    messages: [{ role: 'user', content: 'Hi' }],
    responseFormat: { type: 'json_schema', name: 'answer', schema },
  });
  expect(JSON.parse(text(parts))).toEqual({ title: 'Hi', score: 1 });
  expect(fixture.requests.at(-1)!.body.response_format).toMatchObject({
    type: 'json_schema',
    json_schema: { schema },
  });
});

test('429 is retried (Retry-After: 0) and then answers', async () => {
  const before = fixture.requests.length;
  const parts = await collect({
    model: 'openai/fixture-429',
    messages: [{ role: 'user', content: 'retry please' }],
  });
  expect(text(parts)).toBe('Echo: retry please');
  expect(parts.filter((part) => part.type === 'start')).toHaveLength(1);
  expect(fixture.requests.length - before).toBe(2);
});

test('a 500 falls back to the next model of an alias chain', async () => {
  const parts = await collect({ model: 'sturdy' });
  expect(parts[0]).toMatchObject({ type: 'start', model: 'openai/fixture-chat' });
  expect(text(parts)).toBe('Echo: hello world');
});

test('all models failing ends with an error part, never a throw', async () => {
  const parts = await collect({ model: 'openai/fixture-500' });
  expect(parts).toHaveLength(1);
  expect(parts[0]).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
});

test('a stalled upstream hits the first-token timeout and is disconnected', async () => {
  const started = Date.now();
  const parts = await collect({ model: 'openai/fixture-stall' });
  expect(parts).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'upstream_timeout' }) }]);
  expect(Date.now() - started).toBeLessThan(5_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stalls = fixture.requests.filter((request) => request.body?.model === 'fixture-stall');
  expect(stalls.length).toBe(2);
  expect(stalls.every((request) => request.aborted)).toBe(true);
});

test('a connection dropped mid-stream ends with an error part', async () => {
  const parts = await collect({
    model: 'openai/fixture-drop',
    messages: [{ role: 'user', content: 'one two three four' }],
  });
  expect(parts[0]?.type).toBe('start');
  expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'upstream_error' } });
});

test('aborting the request cancels the upstream call', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const parts = await collect({ model: 'openai/fixture-slow', signal: controller.signal });
  expect(parts).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'cancelled' }) }]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(fixture.requests.at(-1)).toMatchObject({ aborted: true, body: { model: 'fixture-slow' } });
});

test('unknown models are rejected with the valid ids', async () => {
  await expect(gateway.resolve('openai/no-such-model')).rejects.toMatchObject({
    code: 'model_not_found',
    details: { validModels: expect.arrayContaining(['sturdy', 'openai/fixture-chat']) },
  });
  await expect(gateway.resolve('nope')).rejects.toMatchObject({ code: 'model_not_found' });
  const parts = await collect({ model: 'mystery/model' });
  expect(parts).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'model_not_found' }) }]);
});

test('models are discovered from /models, chains and defaults resolve', async () => {
  const models = await gateway.listModels();
  expect(models.map((model) => model.id)).toEqual(
    expect.arrayContaining(['openai/fixture-chat', 'openai/fixture-embed']),
  );
  expect(models.find((model) => model.id === 'openai/fixture-embed')?.kind).toBe('embedding');
  expect(models.find((model) => model.id === 'openai/gpt-4o-mini')?.pricing).toEqual({
    input: 0.15,
    output: 0.6,
  });
  const chain = await gateway.resolve('openai/fixture-tools, sturdy');
  expect(chain.map((model) => model.id)).toEqual([
    'openai/fixture-tools',
    'openai/fixture-500',
    'openai/fixture-chat',
  ]);
  expect((await gateway.resolve('default'))[0]?.kind).toBe('chat');
  expect(await gateway.contextWindow('openai/gpt-4o-mini')).toBe(128_000);
  expect(await gateway.contextWindow('openai/fixture-chat')).toBe(8192);
  const discoveries = fixture.requests.filter((request) => request.path === '/v1/models');
  expect(discoveries).toHaveLength(1);
});

test('embeddings come back in order with usage', async () => {
  const result = await gateway.embed({
    source: 'system',
    model: 'openai/fixture-embed',
    input: ['a b', 'c', 'a b'],
  });
  expect(result.model).toBe('openai/fixture-embed');
  expect(result.embeddings).toHaveLength(3);
  expect(result.embeddings[0]).toHaveLength(64);
  expect(result.embeddings[0]).toEqual(result.embeddings[2]);
  expect(result.usage.inputTokens).toBe(5);
});

test('every request lands in request_log', async () => {
  await collect({ model: 'openai/gpt-4o-mini', userId: 'u1', apiKeyId: 'k1' });
  await gateway.flushRequestLog();
  const rows = await database.db.select().from(requestLog);
  const ok = rows.find((row) => row.userId === 'u1');
  expect(ok).toMatchObject({
    source: 'system',
    requestedModel: 'openai/gpt-4o-mini',
    model: 'openai/gpt-4o-mini',
  });
  expect(ok).toMatchObject({ status: 'ok', apiKeyId: 'k1', inputTokens: 2, outputTokens: 3, attempts: 1 });
  expect(ok?.costUsd).toBeCloseTo((2 * 0.15 + 3 * 0.6) / 1e6, 12);
  expect(ok?.ttftMs).toBeGreaterThanOrEqual(0);
  expect(rows.find((row) => row.requestedModel === 'openai/fixture-429')).toMatchObject({
    status: 'ok',
    attempts: 2,
  });
  expect(rows.find((row) => row.requestedModel === 'sturdy')).toMatchObject({
    model: 'openai/fixture-chat',
    attempts: 3,
  });
  expect(rows.find((row) => row.requestedModel === 'openai/fixture-stall')).toMatchObject({
    status: 'error',
    errorCode: 'upstream_timeout',
  });
  expect(rows.find((row) => row.requestedModel === 'openai/fixture-slow')).toMatchObject({
    status: 'cancelled',
  });
  expect(rows.find((row) => row.requestedModel === 'mystery/model')).toMatchObject({
    errorCode: 'model_not_found',
  });
  expect(rows.find((row) => row.requestedModel === 'openai/fixture-embed')).toMatchObject({
    status: 'ok',
    inputTokens: 5,
  });
});
