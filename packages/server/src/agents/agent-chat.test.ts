import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { readSseJson } from '../../test/helpers/read-sse';
import { sendTurn } from '../../test/helpers/send-turn';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_DEFAULT_MODEL: 'openai/fixture-chat' } });
}, 60_000);
afterAll(() => t?.close());

/** The turn's own upstream call (a title request follows the first turn). */
const lastUpstream = () =>
  t.fixture.requests
    .map((r) => r.body as any)
    .filter(
      (body) =>
        Array.isArray(body?.messages) && !/name conversations/.test(String(body.messages[0]?.content)),
    )
    .at(-1);

test('a conversation with a plaza agent answers with its persona and only its tools', async () => {
  const conversation = (await newConversation(t, { agentId: 'translator' })) as any;
  expect(conversation.agentId).toBe('builtin:translator');
  const turn = await sendTurn(t, conversation.id, { content: '你好' });
  expect(turn.events.at(-1)!.event).toBe('done');
  const sent = lastUpstream();
  expect(sent.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('专业译者') });
  expect(sent.tools).toBeUndefined();
  expect(sent.temperature).toBe(0.3);
});

test('a plaza agent speaks the UI language the web app sends as Accept-Language', async () => {
  const conversation = (await newConversation(t, { agentId: 'translator' })) as any;
  const send = async (acceptLanguage: string) => {
    const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'hello' },
      headers: { 'accept-language': acceptLanguage },
    });
    expect(res.status).toBe(200);
    expect((await readSseJson(res)).at(-1)!.event).toBe('done');
    return lastUpstream().messages[0].content as string;
  };
  expect(await send('en')).toContain('You are a professional translator.');
  expect(await send('zh-CN,zh;q=0.9,en;q=0.8')).toContain('你是专业译者');
  // the welcome and suggestions the chat page shows follow the same rule
  const english = await t.request('/api/agents/builtin:translator', {
    headers: { 'accept-language': 'en-US' },
  });
  expect(await english.json()).toMatchObject({ welcome: expect.stringMatching(/^Send me text/) });
  const query = await t.request('/api/agents/translator?lang=zh-CN', {
    headers: { 'accept-language': 'en' },
  });
  expect(await query.json()).toMatchObject({ welcome: expect.stringMatching(/^发给我/) });
});

test("an agent's own model, parameters and tool list apply", async () => {
  const created = await t.request('/api/agents', {
    method: 'POST',
    json: {
      name: 'Clock',
      slug: 'clock',
      persona: 'You tell the time.',
      model: 'openai/fixture-assistant',
      params: { temperature: 0.1, maxTokens: 300 },
      tools: ['current_time'],
    },
  });
  expect(created.status).toBe(201);
  const conversation = await newConversation(t, { agentId: 'clock' });
  await sendTurn(t, conversation.id, { content: 'hello' });
  const sent = lastUpstream();
  expect(sent.model).toBe('fixture-assistant');
  expect(sent.temperature).toBe(0.1);
  // the persona leads; the tools' date note may join it
  expect(sent.messages[0]).toMatchObject({
    role: 'system',
    content: expect.stringContaining('You tell the time.'),
  });
  expect(sent.tools.map((tool: any) => tool.function.name)).toEqual(['current_time']);
});

test('an agent the user may not read cannot be chatted with', async () => {
  const bob = await t.addUser('bob');
  const res = await t.request('/api/conversations', {
    method: 'POST',
    json: { agentId: 'clock' },
    key: bob.key,
  });
  expect(res.status).toBe(404);
});
