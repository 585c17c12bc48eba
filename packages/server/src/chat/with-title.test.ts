import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { sendTurn } from '../../test/helpers/send-turn';
import { cleanTitle } from './generate-title';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp();
});
afterAll(() => t?.close());

const titleOf = async (id: string) =>
  ((await (await t.request(`/api/conversations/${id}`)).json()) as any).title;

test('the first exchange names the conversation with its model and says so before done', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-titles' });
  const { events } = await sendTurn(t, conversation.id, { content: '帮我写一封请假邮件' });
  const names = events.map((e) => e.event);
  expect(names.slice(-3)).toEqual(['title', 'usage', 'done']);
  expect(events.at(-3)!.data).toEqual({ title: 'Fixture title' });
  expect(await titleOf(conversation.id)).toBe('Fixture title');
  const call = t.fixture.requests.findLast((r) => r.body?.messages?.[0]?.content?.includes('short title'));
  expect(call?.body.model).toBe('fixture-titles');
  expect(call?.body.messages[1].content).toContain('帮我写一封请假邮件');

  // later turns keep it
  const second = await sendTurn(t, conversation.id, { content: 'again' });
  expect(second.events.map((e) => e.event)).not.toContain('title');
  expect(await titleOf(conversation.id)).toBe('Fixture title');
});

test('a reply that is no title falls back to the question; titled conversations are left alone', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-chat' });
  const { events } = await sendTurn(t, conversation.id, { content: '明天杭州下雨吗？' });
  expect(events.find((e) => e.event === 'title')?.data).toEqual({
    title: '明天杭州下雨吗？',
  });

  const named = await newConversation(t, { model: 'openai/fixture-titles', title: 'Mine' });
  const turn = await sendTurn(t, named.id, { content: 'hello' });
  expect(turn.events.map((e) => e.event)).not.toContain('title');
  expect(await titleOf(named.id)).toBe('Mine');
});

test('a failing title call never fails the turn', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-drop' });
  const { events } = await sendTurn(t, conversation.id, { content: 'hi' });
  expect(events.at(-1)!.event).not.toBe('title');
});

test('cleanTitle strips labels, quotes and final punctuation, and refuses rambling', () => {
  expect(cleanTitle('“Title: Fixture title.”')).toBe('Fixture title');
  expect(cleanTitle('标题：《杭州天气查询》。\nextra')).toBe('杭州天气查询');
  expect(cleanTitle('   ')).toBeUndefined();
  expect(cleanTitle('a'.repeat(31))).toBeUndefined();
});
