import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { readSseJson } from '../../test/helpers/read-sse';
import { sendTurn } from '../../test/helpers/send-turn';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp();
});
afterAll(() => t?.close());

const share = (conversationId: string, messageId: string, key?: string) =>
  t.request(`/api/conversations/${conversationId}/shares`, { method: 'POST', json: { messageId }, key });

test('shares a conversation up to an answer; anyone reads it signed out until it is revoked', async () => {
  const conversation = await newConversation(t);
  const first = await sendTurn(t, conversation.id, { content: 'first question' });
  // a second version of the first answer, then a later turn the share must leave out
  const regenerated = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/regenerate`, { method: 'POST', json: {} }),
  );
  const second = regenerated[0]!.data.assistantMessageId as string;
  await sendTurn(t, conversation.id, { content: 'later question' });

  const created = await share(conversation.id, first.assistantMessageId);
  expect(created.status).toBe(201);
  const dto = (await created.json()) as any;
  expect(dto.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(dto.url).toBe(`/share/${dto.id}`);

  const pub = await t.app.request(`/api/public/shares/${dto.id}`);
  expect(pub.status).toBe(200);
  expect(pub.headers.get('x-ai-generated')).toBe('true');
  expect(pub.headers.get('x-content-type-options')).toBe('nosniff');
  expect(pub.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  const body = (await pub.json()) as any;
  expect(body).toMatchObject({ title: 'first question', aiGenerated: true, metadata: { aiGenerated: true } });
  expect(body.metadata.contentId).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.messages).toEqual([
    { role: 'user', content: 'first question', model: null },
    { role: 'assistant', content: 'Echo: first question', model: 'openai/fixture-chat' },
  ]);

  const ofSecond = (await (await share(conversation.id, second)).json()) as any;
  const secondBody = (await (await t.app.request(`/api/public/shares/${ofSecond.id}`)).json()) as any;
  expect(secondBody.messages).toHaveLength(2);

  const list = (await (await t.request('/api/shares')).json()) as any;
  expect(list.shares.map((s: any) => s.id)).toEqual([ofSecond.id, dto.id]);

  expect((await t.request(`/api/shares/${dto.id}`, { method: 'DELETE' })).status).toBe(204);
  const gone = await t.app.request(`/api/public/shares/${dto.id}`);
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as any).error.code).toBe('not_found');
  expect((await t.request(`/api/shares/${dto.id}`, { method: 'DELETE' })).status).toBe(404);
  expect(((await (await t.request('/api/shares')).json()) as any).shares).toHaveLength(1);
});

test("nobody shares or revokes someone else's conversation", async () => {
  const conversation = await newConversation(t);
  const turn = await sendTurn(t, conversation.id, { content: 'mine' });
  const { key } = await t.addUser('mallory');

  expect((await share(conversation.id, turn.assistantMessageId, key)).status).toBe(404);
  const mine = (await (await share(conversation.id, turn.assistantMessageId)).json()) as any;
  expect((await t.request(`/api/shares/${mine.id}`, { method: 'DELETE', key })).status).toBe(404);
  expect(((await (await t.request('/api/shares', { key })).json()) as any).shares).toEqual([]);

  expect((await share(conversation.id, turn.userMessageId)).status).toBe(400);
  expect((await share(conversation.id, 'nope')).status).toBe(404);
  expect((await t.app.request('/api/public/shares/guess')).status).toBe(404);
});
