import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWeatherFixture, type WeatherFixture } from '../../../test/fixtures/weather-fixture-server';
import {
  type ChatTestApp,
  messagesOf,
  newConversation,
  startChatTestApp,
} from '../../../test/helpers/chat-test-app';
import { readSseJson } from '../../../test/helpers/read-sse';

let t: ChatTestApp;
let weather: WeatherFixture;

beforeAll(async () => {
  weather = await startWeatherFixture();
  t = await startChatTestApp({
    env: {
      QIAO_OPEN_METEO_URL: weather.url,
      QIAO_OPEN_METEO_GEOCODING_URL: weather.url,
      QIAO_TOOL_TRUSTED_HOSTS: weather.host,
      QIAO_NO_TOOL_MODELS: 'openai/fixture-no-tools',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await weather?.close();
});

async function ask(content: string) {
  const conversation = await newConversation(t, { model: 'openai/fixture-no-tools' });
  const before = t.fixture.requests.length;
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content },
  });
  expect(res.status).toBe(200);
  const events = await readSseJson(res);
  const answer = events
    .filter((e) => e.event === 'delta')
    .map((e) => e.data.text)
    .join('');
  // the first two chat calls of the turn (a title may be generated after them)
  const sent = t.fixture.requests
    .slice(before)
    .filter((r) => r.path === '/v1/chat/completions')
    .slice(0, 2)
    .map((r) => r.body);
  return { conversation, events, answer, sent };
}

test('a model without tool calling gets the weather through the intent classifier', async () => {
  const { conversation, events, answer, sent } = await ask('明天杭州下雨吗？');
  expect(events.map((e) => e.event).slice(0, 3)).toEqual(['start', 'tool_call', 'tool_result']);
  expect(events[1]!.data).toEqual({ id: 'intent_1', name: 'get_weather', arguments: '{"city":"杭州"}' });
  expect(events[2]!.data).toMatchObject({ name: 'get_weather', ok: true });
  expect(answer).toMatch(/^Answer from context: A tool was run/);
  expect(answer).toContain('降水概率 precipitation probability 80%');

  // one structured classification call, then the answer; tools were never sent
  expect(sent[0].response_format).toMatchObject({
    type: 'json_schema',
    json_schema: { name: 'tool_intent' },
  });
  expect(sent.every((body) => body.tools === undefined)).toBe(true);
  expect(sent[1].messages.map((m: any) => m.role)).toEqual(['system', 'system', 'user']);

  const stored = await messagesOf(t, conversation.id);
  expect(stored.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
});

test('a question that needs no tool is answered directly', async () => {
  const { events, answer, sent } = await ask('你好，请介绍一下你自己');
  expect(events.some((e) => e.event === 'tool_call')).toBe(false);
  expect(answer).toBe('Echo: 你好，请介绍一下你自己');
  expect(sent[0].response_format.json_schema.name).toBe('tool_intent');
  expect(sent[1].messages.map((m: any) => m.role)).toEqual(['system', 'user']);
});
