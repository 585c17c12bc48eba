import { afterAll, beforeAll, expect, test } from 'vitest';
import { tinyGgufPath } from '../../../test/fixtures/tiny-gguf';
import { type ChatTestApp, startChatTestApp } from '../../../test/helpers/chat-test-app';
import { runsLocally } from '../../gateway/runs-locally';
import { listLocalModels } from '../../local/list-local-models';
import { toolHostFor } from '../tool-host';
import { classifyIntent } from './intent-fallback';
import type { StepRequest } from './prepare-tooling';

/** The intent classifier on the in-process runtime: its grammar must close every string. */
let t: ChatTestApp;
let model: string;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_LOCAL_MODEL: tinyGgufPath({ contextLength: 4096 }) } });
  model = listLocalModels(t.deps.config)[0]!.id;
}, 60_000);
afterAll(() => t?.close());

// Random weights write nonsense: what counts is that the JSON is complete, so the answer is a
// decision (a tool or none) rather than a classifier cut off by its token limit.
test('a local model classifies under a bounded grammar and its reply is complete JSON', async () => {
  expect(await runsLocally(t.deps.gateway, model)).toBe(true);
  expect(await runsLocally(t.deps.gateway, 'openai/fixture-chat')).toBe(false);
  const registry = await toolHostFor(t.deps.config).registry();
  let reply = '';
  let sent: StepRequest | undefined;
  const open = async (step: StepRequest) =>
    (async function* () {
      sent = step;
      for await (const part of t.deps.gateway.stream({ ...step, model, source: 'system' })) {
        if (part.type === 'text-delta') reply += part.text;
        yield part;
      }
    })();
  const messages = [{ role: 'user' as const, content: '明天杭州下雨吗？' }];
  const call = await classifyIntent(
    registry,
    messages,
    open,
    { date: '2026-12-02', timeZone: 'Asia/Shanghai' },
    true,
  );
  const format = sent?.responseFormat as unknown as {
    schema: { properties: Record<string, { maxLength?: number }> };
  };
  expect(format.schema.properties.city?.maxLength).toBe(40);
  const decided = JSON.parse(reply.slice(reply.indexOf('{'), reply.lastIndexOf('}') + 1));
  expect(['none', 'current_time', 'get_weather', 'web_search', 'read_url', 'calculator']).toContain(
    decided.tool,
  );
  if (call) expect(() => JSON.parse(call.arguments)).not.toThrow();
}, 120_000);
