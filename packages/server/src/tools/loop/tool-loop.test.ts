import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SearchFixture, startSearchFixture } from '../../../test/fixtures/search-fixture-server';
import { startWeatherFixture, type WeatherFixture } from '../../../test/fixtures/weather-fixture-server';
import {
  type ChatTestApp,
  messagesOf,
  newConversation,
  startChatTestApp,
} from '../../../test/helpers/chat-test-app';
import { readSseJson, sseReader } from '../../../test/helpers/read-sse';
import { readClock } from '../builtin/current-time';

let t: ChatTestApp;
let weather: WeatherFixture;
let search: SearchFixture;

beforeAll(async () => {
  weather = await startWeatherFixture({ slowMs: 5000 });
  search = await startSearchFixture();
  t = await startChatTestApp({
    env: {
      QIAO_OPEN_METEO_URL: weather.url,
      QIAO_OPEN_METEO_GEOCODING_URL: weather.url,
      QIAO_SEARCH_PROVIDER: 'searxng',
      QIAO_SEARCH_URL: search.url,
      QIAO_TOOL_TRUSTED_HOSTS: `${weather.host},${search.host}`,
      QIAO_TOOL_MAX_STEPS: '2',
      // generous: two busy cores must not time out the fast fixtures
      QIAO_TOOL_TIMEOUT_MS: '1500',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await weather?.close();
  await search?.close();
});

/** chat calls that offered tools (a generated title, if any, offers none) */
const toolCalls = (from = 0) =>
  t.fixture.requests.slice(from).filter((r) => r.path === '/v1/chat/completions' && r.body.tools);

async function ask(content: string, model = 'openai/fixture-assistant') {
  const conversation = await newConversation(t, { model });
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
  return { conversation, events, answer, names: events.map((e) => e.event) };
}

test('今天几号？ is answered from current_time, and the tool round is stored with the turn', async () => {
  const { conversation, events, answer, names } = await ask('今天几号？');
  expect(names).toEqual(['start', 'tool_call', 'tool_result', ...names.slice(3, -2), 'usage', 'done']);
  expect(events[1]!.data).toMatchObject({ id: 'call_fixture_1', name: 'current_time' });
  const today = readClock(new Date(), 'Asia/Shanghai');
  expect(events[2]!.data).toMatchObject({ id: 'call_fixture_1', name: 'current_time', ok: true });
  expect(events[2]!.data.content).toContain(today.date);
  expect(answer).toContain(`${today.date} ${today.weekdayZh}`);
  // the tools were offered with the date note, and the result went back as an untrusted tool message
  const [first, second] = toolCalls()
    .slice(-2)
    .map((r) => r.body);
  expect(first.tools.map((tool: any) => tool.function.name)).toEqual([
    'current_time',
    'get_weather',
    'web_search',
    'read_url',
    'calculator',
  ]);
  expect(first.messages[0]).toMatchObject({ role: 'system' });
  expect(first.messages[0].content).toContain(`Current date and time: ${today.date}`);
  expect(second.messages.slice(-2)[1]).toMatchObject({ role: 'tool', tool_call_id: 'call_fixture_1' });
  expect(second.messages.at(-1).content).toMatch(
    /^<untrusted-data source="tool result of current_time" id="\w+">\n2\d{3}-/,
  );

  const stored = await messagesOf(t, conversation.id);
  const answerId = events.at(-1)!.data.messageId;
  expect(stored.map((m) => [m.role, m.parentId === answerId])).toEqual([
    ['user', false],
    ['assistant', true],
    ['tool', true],
    ['assistant', false],
  ]);
  expect(stored[3]).toMatchObject({ id: answerId, content: answer, toolCalls: null });

  // the next turn sends the tool round again, in order
  await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'thanks' },
    }),
  );
  const roles = toolCalls()
    .at(-1)!
    .body.messages.map((m: any) => m.role);
  expect(roles).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user']);
});

test('明天杭州下雨吗？ is answered from the weather fixture, citing Open-Meteo', async () => {
  const { events, answer } = await ask('明天杭州下雨吗？');
  const result = events.find((e) => e.event === 'tool_result')!.data;
  expect(result).toMatchObject({ name: 'get_weather', ok: true });
  expect(result.sources[0].url).toContain(`${weather.url}/v1/forecast?latitude=30.29`);
  expect(answer).toContain('小雨 (slight rain), 8–15°C, 降水概率 precipitation probability 80%');
});

test('最新的 AI 新闻 is answered from the search fixture with its sources', async () => {
  const { events, answer } = await ask('最新的 AI 新闻');
  const result = events.find((e) => e.event === 'tool_result')!.data;
  expect(result).toMatchObject({ name: 'web_search', ok: true });
  expect(result.sources.map((s: any) => s.url)).toEqual(
    [1, 2, 3].map((i) => `https://news.example.com/${i}`),
  );
  expect(answer).toContain('[1] 最新的 AI 新闻 新闻 1\nhttps://news.example.com/1');
  expect(search.requests.at(-1)!.query).toBe('最新的 AI 新闻');
});

test('several calls in one step run in parallel and all answer', async () => {
  const { events, answer } = await ask('杭州天气和最新新闻');
  const results = events
    .filter((e) => e.event === 'tool_result')
    .map((e) => [e.data.id, e.data.name, e.data.ok]);
  expect(results).toEqual([
    ['call_fixture_1', 'get_weather', true],
    ['call_fixture_2', 'web_search', true],
  ]);
  expect(answer).toContain('降水概率');
  expect(answer).toContain('news.example.com');
});

test('rounds stop at QIAO_TOOL_MAX_STEPS and the model answers without tools', async () => {
  const before = t.fixture.requests.length;
  const { names, answer, events } = await ask('loop forever', 'openai/fixture-tools-loop');
  expect(names.filter((n) => n === 'tool_result')).toHaveLength(2);
  expect(answer).toBe('Final answer after tools.');
  const calls = toolCalls(before).map((r) => r.body);
  expect(calls).toHaveLength(3);
  expect(calls.map((c) => c.tool_choice)).toEqual([undefined, undefined, 'none']);
  expect(events.at(-1)!.data.finishReason).toBe('stop');
});

test('a tool past its timeout and a failing tool become readable notes, not broken answers', async () => {
  const slow = await ask('slow weather please');
  const timedOut = slow.events.find((e) => e.event === 'tool_result')!.data;
  expect(timedOut).toMatchObject({ name: 'get_weather', ok: false });
  expect(timedOut.content).toBe('Tool error: get_weather did not answer within 1500 ms.');
  expect(timedOut.durationMs).toBeLessThan(4000);
  expect(slow.answer).toContain('did not answer within 1500 ms');
  expect(slow.names.at(-1)).toBe('done');

  // (by name: an IP address is personal data, and read_url only ever sees its placeholder)
  const refused = await ask(`read ${t.fixture.url.replace('127.0.0.1', 'localhost')}/models`);
  const failed = refused.events.find((e) => e.event === 'tool_result')!.data;
  expect(failed).toMatchObject({ name: 'read_url', ok: false });
  expect(failed.content).toMatch(
    /^Tool error: read_url failed: localhost resolves to 127\.0\.0\.1.*not allowed/,
  );
  expect(refused.names.at(-1)).toBe('done');
});

test('stop while a tool runs ends the turn as stopped, with the round stored', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-assistant' });
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: 'slow weather again' },
  });
  const reader = sseReader(res);
  for (let event = await reader.next(); event && event.event !== 'tool_call'; event = await reader.next()) {}
  const stop = await t.request(`/api/conversations/${conversation.id}/stop`, { method: 'POST' });
  expect(await stop.json()).toEqual({ stopped: true });
  const rest = await reader.all();
  expect(rest.map((e) => e.event)).toEqual(['tool_result', 'usage', 'done']);
  expect(JSON.parse(rest[0]!.data).content).toBe('Tool error: get_weather was cancelled.');
  expect(JSON.parse(rest.at(-1)!.data).finishReason).toBe('cancelled');
  const stored = await messagesOf(t, conversation.id);
  expect(stored.map((m) => [m.role, m.status])).toEqual([
    ['user', 'complete'],
    ['assistant', 'complete'],
    ['tool', 'complete'],
    ['assistant', 'stopped'],
  ]);
});

test('/v1 runs no server tools: without client tools none are offered, client tools pass through', async () => {
  const before = t.fixture.requests.length;
  const plain = await t.request('/v1/chat/completions', {
    method: 'POST',
    json: { model: 'openai/fixture-assistant', messages: [{ role: 'user', content: '今天几号？' }] },
  });
  expect(((await plain.json()) as any).choices[0].message.content).toBe('Echo: 今天几号？');
  expect(t.fixture.requests.at(-1)!.body.tools).toBeUndefined();

  const tools = [
    { type: 'function', function: { name: 'current_time', parameters: { type: 'object', properties: {} } } },
  ];
  const passed = await t.request('/v1/chat/completions', {
    method: 'POST',
    json: { model: 'openai/fixture-assistant', messages: [{ role: 'user', content: '今天几号？' }], tools },
  });
  const choice = ((await passed.json()) as any).choices[0];
  expect(choice.finish_reason).toBe('tool_calls');
  expect(choice.message.tool_calls[0].function.name).toBe('current_time');
  expect(t.fixture.requests.length - before).toBe(2);
});
