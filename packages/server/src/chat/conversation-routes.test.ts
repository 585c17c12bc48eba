import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ChatTestApp,
  messagesOf,
  newConversation,
  startChatTestApp,
} from '../../test/helpers/chat-test-app';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_MAX_BODY_BYTES: '65536' } });
});
afterAll(() => t?.close());

test('lists, searches, pages, renames and deletes conversations', async () => {
  const a = await newConversation(t, { title: 'Alpha 项目计划' });
  const b = await newConversation(t, { title: 'beta notes', systemPrompt: 'Be brief.' });
  const c = await newConversation(t, { title: '100% done_' });

  const page1 = (await (await t.request('/api/conversations?limit=2')).json()) as any;
  expect(page1.conversations.map((x: any) => x.id)).toEqual([c.id, b.id]);
  const page2 = (await (
    await t.request(`/api/conversations?limit=2&cursor=${page1.nextCursor}`)
  ).json()) as any;
  expect(page2.conversations[0].id).toBe(a.id);

  const search = (await (
    await t.request(`/api/conversations?q=${encodeURIComponent('项目')}`)
  ).json()) as any;
  expect(search.conversations.map((x: any) => x.id)).toEqual([a.id]);
  const literal = (await (await t.request('/api/conversations?q=%25')).json()) as any;
  expect(literal.conversations.map((x: any) => x.id)).toEqual([c.id]);

  const renamed = await t.request(`/api/conversations/${b.id}`, { method: 'PATCH', json: { title: 'Beta' } });
  expect(await renamed.json()).toMatchObject({ title: 'Beta', systemPrompt: 'Be brief.' });

  expect((await t.request(`/api/conversations/${a.id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await t.request(`/api/conversations/${a.id}`)).status).toBe(404);
  expect((await t.request('/api/conversations?cursor=nonsense')).status).toBe(400);
});

test("someone else's conversation is a 404", async () => {
  const mine = await newConversation(t);
  const { key } = await t.addUser('mallory');
  for (const [method, path] of [
    ['GET', ''],
    ['GET', '/messages'],
    ['DELETE', ''],
  ] as const) {
    const res = await t.request(`/api/conversations/${mine.id}${path}`, { method, key });
    expect(res.status).toBe(404);
  }
  const send = await t.request(`/api/conversations/${mine.id}/messages`, {
    method: 'POST',
    json: { content: 'hi' },
    key,
  });
  expect(send.status).toBe(404);
  const theirs = (await (await t.request('/api/conversations', { key })).json()) as any;
  expect(theirs.conversations).toEqual([]);
});

test('bad requests are plain HTTP errors', async () => {
  const conversation = await newConversation(t);
  const path = `/api/conversations/${conversation.id}/messages`;
  const malformed = await t.request(path, {
    method: 'POST',
    body: '{"content":',
    headers: { 'content-type': 'application/json' },
  });
  expect(malformed.status).toBe(400);
  expect(((await malformed.json()) as any).error.code).toBe('bad_request');

  const wrongType = await t.request(path, { method: 'POST', json: { content: 42 } });
  expect(wrongType.status).toBe(400);
  expect(((await wrongType.json()) as any).error.code).toBe('validation_failed');

  const unknown = await t.request(path, { method: 'POST', json: { content: 'hi', model: 'openai/nope' } });
  expect(unknown.status).toBe(404);
  const body = (await unknown.json()) as any;
  expect(body.error.code).toBe('model_not_found');
  expect(body.error.details.validModels).toContain('openai/fixture-chat');

  const huge = await t.request(path, { method: 'POST', json: { content: 'x'.repeat(70_000) } });
  expect(huge.status).toBe(413);

  expect(await messagesOf(t, conversation.id)).toEqual([]);
  expect((await t.request('/api/conversations', { method: 'POST', json: { title: 5 } })).status).toBe(400);
  const empty = await t.request(`/api/conversations/${conversation.id}`, { method: 'PATCH', json: {} });
  expect(empty.status).toBe(400);
  expect(((await empty.json()) as any).error.message).toMatch(/Nothing to change/);
});
