import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { sendTurn } from '../../test/helpers/send-turn';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_DEFAULT_MODEL: 'openai/fixture-chat' } });
});
afterAll(() => t?.close());

const patch = (json: unknown, key?: string) => t.request('/api/me/settings', { method: 'PATCH', json, key });

test('settings start at their defaults and change field by field, per user', async () => {
  expect(await (await t.request('/api/me/settings')).json()).toEqual({
    defaultModel: null,
    language: null,
    theme: 'system',
  });
  expect(await (await patch({ theme: 'dark', language: 'en' })).json()).toEqual({
    defaultModel: null,
    language: 'en',
    theme: 'dark',
  });
  expect(await (await patch({ language: null })).json()).toMatchObject({ language: null, theme: 'dark' });

  const { key } = await t.addUser('bob');
  expect(await (await t.request('/api/me/settings', { key })).json()).toMatchObject({ theme: 'system' });

  expect((await patch({ theme: 'pink' })).status).toBe(400);
  expect((await patch({ colour: 'red' })).status).toBe(400);
  const unknown = await patch({ defaultModel: 'openai/nope' });
  expect(unknown.status).toBe(404);
  expect(((await unknown.json()) as any).error.code).toBe('model_not_found');
});

test("the default model answers in conversations that name none; a conversation's own model wins", async () => {
  const { key } = await t.addUser('carol');
  await patch({ defaultModel: 'openai/fixture-reasoning' }, key);
  const plain = await newConversation(t, {}, key);
  const turn = await sendTurn(t, plain.id, { content: 'hi' }, key);
  expect(turn.events[0]!.data.model).toBe('openai/fixture-reasoning');

  const own = await newConversation(t, { model: 'openai/fixture-chat' }, key);
  const ownTurn = await sendTurn(t, own.id, { content: 'hi' }, key);
  expect(ownTurn.events[0]!.data.model).toBe('openai/fixture-chat');
});
