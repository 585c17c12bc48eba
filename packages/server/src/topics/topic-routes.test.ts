import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { sendTurn } from '../../test/helpers/send-turn';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp();
});
afterAll(() => t?.close());

const json = async (res: Response) => (await res.json()) as any;
const patch = (id: string, body: unknown, key?: string) =>
  t.request(`/api/conversations/${id}`, { method: 'PATCH', json: body, key });

test('topics: create, rename, list, move chats in, delete keeps the chats', async () => {
  const created = await t.request('/api/topics', { method: 'POST', json: { name: ' 旅行计划 ' } });
  expect(created.status).toBe(201);
  const topic = await json(created);
  expect(topic).toMatchObject({ name: '旅行计划' });

  const renamed = await json(
    await t.request(`/api/topics/${topic.id}`, { method: 'PATCH', json: { name: '杭州旅行' } }),
  );
  expect(renamed.name).toBe('杭州旅行');
  expect((await json(await t.request('/api/topics'))).topics).toEqual([renamed]);

  const inTopic = await newConversation(t, { title: 'a' });
  const other = await newConversation(t, { title: 'b' });
  const moved = await json(await patch(inTopic.id, { topicId: topic.id, pinned: true }));
  expect(moved).toMatchObject({ topicId: topic.id, pinned: true });
  // filing and pinning are not activity: the timeline order stays
  expect(moved.updatedAt).toBe(inTopic.updatedAt);

  const filtered = await json(await t.request(`/api/conversations?topicId=${topic.id}`));
  expect(filtered.conversations.map((c: any) => c.id)).toEqual([inTopic.id]);

  expect((await t.request(`/api/topics/${topic.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await json(await t.request(`/api/conversations/${inTopic.id}`))).toMatchObject({
    topicId: null,
    pinned: true,
  });
  expect((await json(await t.request('/api/conversations'))).conversations.map((c: any) => c.id)).toEqual([
    other.id,
    inTopic.id,
  ]);
  const unpinned = await json(await patch(inTopic.id, { pinned: false }));
  expect(unpinned.pinned).toBe(false);
});

test("topics are private: someone else's is a 404, and no chat moves into it", async () => {
  const topic = await json(await t.request('/api/topics', { method: 'POST', json: { name: 'mine' } }));
  const { key } = await t.addUser('mallory');
  expect((await json(await t.request('/api/topics', { key }))).topics).toEqual([]);
  expect(
    (await t.request(`/api/topics/${topic.id}`, { method: 'PATCH', json: { name: 'x' }, key })).status,
  ).toBe(404);
  expect((await t.request(`/api/topics/${topic.id}`, { method: 'DELETE', key })).status).toBe(404);

  const theirs = await newConversation(t, {}, key);
  const res = await patch(theirs.id, { topicId: topic.id }, key);
  expect(res.status).toBe(404);
  expect((await json(res)).error.message).toBe('Topic not found');
  expect((await t.request('/api/topics', { method: 'POST', json: { name: '  ' } })).status).toBe(400);
});

test('search finds titles and message text, in Chinese and English, with a snippet', async () => {
  const { key } = await t.addUser('searcher');
  const zh = await newConversation(t, { title: '周末安排', model: 'openai/fixture-chat' }, key);
  await sendTurn(t, zh.id, { content: '请帮我规划一下去西湖断桥的路线，我想早上出发' }, key);
  const en = await newConversation(t, { title: 'Work', model: 'openai/fixture-chat' }, key);
  await sendTurn(t, en.id, { content: 'Draft a LEAVE request for Friday' }, key);
  const literal = await newConversation(t, { title: 'literal', model: 'openai/fixture-chat' }, key);
  await sendTurn(t, literal.id, { content: 'it is 100% done_now' }, key);

  const search = async (q: string) =>
    (await json(await t.request(`/api/conversations?q=${encodeURIComponent(q)}`, { key }))).conversations;

  const [hitZh, ...restZh] = await search('断桥');
  expect(restZh).toEqual([]);
  expect(hitZh.id).toBe(zh.id);
  expect(hitZh.snippet).toContain('西湖断桥的路线');

  const [hitEn] = await search('leave request');
  expect(hitEn.id).toBe(en.id);
  expect(hitEn.snippet).toContain('LEAVE request');

  const [byTitle] = await search('周末');
  expect(byTitle.id).toBe(zh.id);
  expect(byTitle.snippet).toBeUndefined();

  expect((await search('100%')).map((c: any) => c.id)).toEqual([literal.id]);
  expect((await search('o_e')).map((c: any) => c.id)).toEqual([]);
  // alice's own chats never show up for someone else's query
  expect(await search('旅行')).toEqual([]);
});
