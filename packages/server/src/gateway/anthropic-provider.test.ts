import type { ChatStreamPart } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AnthropicFixture, startAnthropicFixture } from '../../test/fixtures/anthropic-fixture-server';
import { collectParts } from '../../test/helpers/collect-parts';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { Database } from '../db';
import { createGateway, type QiaoGateway } from './create-gateway';
import type { ChatRequest } from './gateway';

let fixture: AnthropicFixture;
let database: Database;
let gateway: QiaoGateway;

beforeAll(async () => {
  fixture = await startAnthropicFixture();
  database = await createTestDatabase();
  const config = loadConfig(
    {
      QIAO_DATA_DIR: '/tmp/qiao-anthropic-test',
      QIAO_PROVIDERS: JSON.stringify([
        { id: 'claude', kind: 'anthropic', baseUrl: fixture.url, apiKey: 'sk-ant-test-123456789' },
      ]),
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
    model: 'claude/fixture-chat',
    ...request,
    messages: request.messages ?? [{ role: 'user', content: 'hello there' }],
  });
}

test('native Anthropic streaming with a system prompt and usage', async () => {
  const parts = await collect({
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hello there' },
    ],
  });
  expect(parts[0]).toMatchObject({ type: 'start', model: 'claude/fixture-chat' });
  expect(parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('')).toBe(
    'Echo: hello there',
  );
  expect(parts.find((part) => part.type === 'usage')).toMatchObject({
    usage: { inputTokens: 2, outputTokens: 3 },
  });
  expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  const sent = fixture.requests.at(-1)!;
  expect(sent.headers['x-api-key']).toBe('sk-ant-test-123456789');
  expect(sent.body.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
});

test('Anthropic tool use streams input_json deltas and accepts tool results', async () => {
  const tools = [{ name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } }];
  const parts = await collect({
    model: 'claude/fixture-tools',
    messages: [{ role: 'user', content: 'tea' }],
    tools,
  });
  expect(parts.filter((part) => part.type === 'tool-call-delta').length).toBeGreaterThan(1);
  expect(parts.find((part) => part.type === 'tool-call')).toMatchObject({
    id: 'toolu_fixture_1',
    name: 'lookup',
    arguments: '{"q":"tea"}',
  });
  expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });

  const answer = await collect({
    model: 'claude/fixture-tools',
    tools,
    messages: [
      { role: 'user', content: 'tea' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_fixture_1', name: 'lookup', arguments: '{"q":"tea"}' }],
      },
      { role: 'tool', toolCallId: 'toolu_fixture_1', content: 'green' },
    ],
  });
  expect(answer.map((part) => (part.type === 'text-delta' ? part.text : '')).join('')).toBe(
    'Tool result: green',
  );
});

test('Anthropic models are discovered with x-api-key', async () => {
  const models = await gateway.listModels();
  expect(models.map((model) => model.id)).toEqual(['claude/fixture-chat', 'claude/fixture-tools']);
});
