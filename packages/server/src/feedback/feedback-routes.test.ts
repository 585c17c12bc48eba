import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type ChatTestApp,
  messagesOf,
  newConversation,
  startChatTestApp,
} from '../../test/helpers/chat-test-app';
import { sendTurn } from '../../test/helpers/send-turn';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp();
});
afterAll(() => t?.close());

const rate = (id: string, json: unknown, key?: string) =>
  t.request(`/api/messages/${id}/feedback`, { method: 'POST', json, key });

test('likes and dislikes an answer; GET /messages shows the rating', async () => {
  const conversation = await newConversation(t);
  const turn = await sendTurn(t, conversation.id, { content: 'hello' });

  const like = await rate(turn.assistantMessageId, { rating: 'like', reason: 'harmful' });
  expect(like.status).toBe(200);
  expect(await like.json()).toEqual({ rating: 'like', reason: null, comment: null });

  const dislike = await rate(turn.assistantMessageId, {
    rating: 'dislike',
    reason: 'inaccurate',
    comment: ' wrong date ',
  });
  expect(await dislike.json()).toEqual({ rating: 'dislike', reason: 'inaccurate', comment: 'wrong date' });

  const [user, answer] = await messagesOf(t, conversation.id);
  expect(user.feedback).toBeNull();
  expect(answer.feedback).toEqual({ rating: 'dislike', reason: 'inaccurate', comment: 'wrong date' });

  const cleared = await rate(turn.assistantMessageId, { rating: null });
  expect(await cleared.json()).toEqual({ rating: null, reason: null, comment: null });
  expect((await messagesOf(t, conversation.id))[1].feedback).toBeNull();
});

test("only answers of one's own conversations can be rated", async () => {
  const conversation = await newConversation(t);
  const turn = await sendTurn(t, conversation.id, { content: 'hello' });
  const { key } = await t.addUser('mallory');

  const theirs = await rate(turn.assistantMessageId, { rating: 'like' }, key);
  expect(theirs.status).toBe(404);
  expect(((await theirs.json()) as any).error.code).toBe('not_found');
  expect((await rate('no-such-message', { rating: 'like' })).status).toBe(404);

  const question = await rate(turn.userMessageId, { rating: 'like' });
  expect(question.status).toBe(400);
  const bad = await rate(turn.assistantMessageId, { rating: 'love' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).error.code).toBe('validation_failed');
});
