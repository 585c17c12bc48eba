import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ChatTestApp,
  messagesOf,
  newConversation,
  startChatTestApp,
  waitFor,
} from '../../test/helpers/chat-test-app';
import { readSseJson, sseReader } from '../../test/helpers/read-sse';

let t: ChatTestApp;
beforeAll(async () => {
  // 50 ms between words: the answer of fixture-long-64 takes ~3 s, long enough to watch it
  t = await startChatTestApp({ fixture: { tokenDelayMs: 50 } });
});
afterAll(() => t?.close());

test('the question is stored before the model answers a byte', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-stall' });
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: '还没回答就已经保存了吗？' },
  });
  const stored = await waitFor(
    () => messagesOf(t, conversation.id),
    (rows) => rows.length > 0,
  );
  expect(stored).toMatchObject([{ role: 'user', content: '还没回答就已经保存了吗？', status: 'complete' }]);
  await t.request(`/api/conversations/${conversation.id}/stop`, { method: 'POST' });
  await readSseJson(res);
  expect((await messagesOf(t, conversation.id)).map((m) => [m.role, m.status])).toEqual([
    ['user', 'complete'],
    ['assistant', 'stopped'],
  ]);
});

test('while it streams, the answer so far is readable as streaming, then stored complete', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-long-64' });
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: 'count' },
  });
  const events = sseReader(res);
  const streaming = await waitFor(
    () => messagesOf(t, conversation.id),
    (rows) => rows[1]?.status === 'streaming' && rows[1].content.length > 0,
  );
  expect(streaming[1]).toMatchObject({ role: 'assistant', parentId: streaming[0].id });
  expect(streaming[1].content).toMatch(/^t1( t\d+)*/);
  await events.all();
  const done = await messagesOf(t, conversation.id);
  expect(done.map((m) => [m.role, m.status])).toEqual([
    ['user', 'complete'],
    ['assistant', 'complete'],
  ]);
  expect(done[1].id).toBe(streaming[1].id);
  expect(done[1].content.split(' ')).toHaveLength(64);
}, 60_000);
