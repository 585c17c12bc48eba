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
  t = await startChatTestApp({ fixture: { tokenDelayMs: 10 } });
});
afterAll(() => t?.close());

test('sends a message and streams the answer as typed events, then stores the turn', async () => {
  const conversation = await newConversation(t);
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: '你好 world, how are you today my friend?' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events = await readSseJson(res);
  const names = events.map((e) => e.event);
  expect(names[0]).toBe('start');
  expect(names.at(-1)).toBe('done');
  expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(2);
  expect(names.indexOf('usage')).toBeGreaterThan(names.lastIndexOf('delta'));
  const start = events[0]!.data;
  expect(start).toMatchObject({ conversationId: conversation.id, model: 'openai/fixture-chat' });
  const text = events
    .filter((e) => e.event === 'delta')
    .map((e) => e.data.text)
    .join('');
  expect(text).toBe('Echo: 你好 world, how are you today my friend?');
  expect(events.at(-1)!.data).toEqual({ messageId: start.assistantMessageId, finishReason: 'stop' });

  const messages = await messagesOf(t, conversation.id);
  expect(messages.map((m) => [m.id, m.role, m.status])).toEqual([
    [start.userMessageId, 'user', 'complete'],
    [start.assistantMessageId, 'assistant', 'complete'],
  ]);
  expect(messages[1]).toMatchObject({
    content: text,
    parentId: start.userMessageId,
    model: 'openai/fixture-chat',
  });

  const after = (await (await t.request(`/api/conversations/${conversation.id}`)).json()) as any;
  expect(after.title).toBe('你好 world, how are you today my…');
  expect(after.updatedAt > conversation.updatedAt).toBe(true);

  // the second turn carries the first one as history
  await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'again' },
    }),
  );
  const sent = t.fixture.requests.at(-1)!.body.messages.map((m: any) => m.role);
  // (the system message is the date note of the real-time tools)
  expect(sent).toEqual(['system', 'user', 'assistant', 'user']);
});

test('reasoning streams as its own events and is stored beside the answer', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-reasoning' });
  const events = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'why' },
    }),
  );
  const reasoning = events
    .filter((e) => e.event === 'reasoning')
    .map((e) => e.data.text)
    .join('');
  expect(reasoning).toBe('Thinking about it.');
  const [, answer] = await messagesOf(t, conversation.id);
  expect(answer).toMatchObject({ content: 'Echo: why', reasoning: 'Thinking about it.' });
});

test('stop mid-stream stores the partial answer as stopped', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-long-256' });
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: 'go' },
  });
  const sse = sseReader(res);
  const events = [];
  while (events.filter((e) => e.event === 'delta').length < 3) events.push((await sse.next())!);

  const busy = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: 'x' },
  });
  expect(busy.status).toBe(409);

  const stop = await t.request(`/api/conversations/${conversation.id}/stop`, { method: 'POST' });
  expect(await stop.json()).toEqual({ stopped: true });
  events.push(...(await sse.all()));
  const last = events.at(-1)!;
  expect(last.event).toBe('done');
  expect(JSON.parse(last.data).finishReason).toBe('cancelled');
  const streamed = events
    .filter((e) => e.event === 'delta')
    .map((e) => JSON.parse(e.data).text)
    .join('');

  const messages = await messagesOf(t, conversation.id);
  expect(messages.map((m) => [m.role, m.status])).toEqual([
    ['user', 'complete'],
    ['assistant', 'stopped'],
  ]);
  expect(messages[1].content).toBe(streamed);
  expect(streamed.startsWith('t1 t2 t3')).toBe(true);
  expect(streamed.length).toBeLessThan(200);
  await waitFor(async () => t.fixture.requests.at(-1)!.aborted, Boolean);
});

test('a client that disconnects stops the upstream call and keeps the partial answer', async () => {
  const conversation = await newConversation(t, { model: 'openai/fixture-long-256' });
  const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    json: { content: 'go' },
  });
  const sse = sseReader(res);
  for (let deltas = 0; deltas < 3; ) if ((await sse.next())!.event === 'delta') deltas++;
  await sse.cancel();

  const messages = await waitFor(
    () => messagesOf(t, conversation.id),
    // the answer exists as 'streaming' from its first token (crash safety); wait for the final save
    (rows) => rows.length === 2 && rows[1]!.status !== 'streaming',
  );
  expect(messages[1]).toMatchObject({ role: 'assistant', status: 'stopped' });
  expect(messages[1].content).toMatch(/^t1 t2 t3/);
  await waitFor(async () => t.fixture.requests.at(-1)!.aborted, Boolean);
});

test('regenerate keeps both versions under the same question', async () => {
  const conversation = await newConversation(t);
  const first = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'one' },
    }),
  );
  const again = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/regenerate`, { method: 'POST', json: {} }),
  );
  expect(again.at(-1)!.event).toBe('done');
  expect(again[0]!.data.userMessageId).toBe(first[0]!.data.userMessageId);
  // the model saw the question once, without the old answer
  expect(t.fixture.requests.at(-1)!.body.messages.map((m: any) => m.role)).toEqual(['system', 'user']);

  const messages = await messagesOf(t, conversation.id);
  const answers = messages.filter((m) => m.role === 'assistant');
  expect(answers.map((m) => m.id)).toEqual([
    first[0]!.data.assistantMessageId,
    again[0]!.data.assistantMessageId,
  ]);
  expect(new Set(answers.map((m) => m.parentId))).toEqual(new Set([first[0]!.data.userMessageId]));

  // the next turn's history uses only the newest version
  await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'two' },
    }),
  );
  expect(t.fixture.requests.at(-1)!.body.messages.map((m: any) => m.role)).toEqual([
    'system',
    'user',
    'assistant',
    'user',
  ]);
});

test('edit and resend replaces the question and everything after it', async () => {
  const conversation = await newConversation(t);
  const first = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'first' },
    }),
  );
  await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'second' },
    }),
  );
  const edited = await readSseJson(
    await t.request(`/api/conversations/${conversation.id}/messages/${first[0]!.data.userMessageId}/edit`, {
      method: 'POST',
      json: { content: 'first, edited' },
    }),
  );
  expect(edited.at(-1)!.event).toBe('done');
  const messages = await messagesOf(t, conversation.id);
  expect(messages.map((m) => m.content)).toEqual(['first, edited', 'Echo: first, edited']);
});

test('a failing model stores nothing, not even the question', async () => {
  for (const model of ['openai/fixture-500', 'openai/fixture-drop']) {
    const conversation = await newConversation(t, { model });
    const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'hello there' },
    });
    const events = await readSseJson(res);
    expect(events.at(-1)!.event).toBe('error');
    expect(events.some((e) => e.event === 'done')).toBe(false);
    expect(await messagesOf(t, conversation.id)).toEqual([]);
    const after = (await (await t.request(`/api/conversations/${conversation.id}`)).json()) as any;
    expect(after.title).toBe('');
    // the conversation is free again
    const next = await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'hi', model: 'openai/fixture-chat' },
    });
    expect((await readSseJson(next)).at(-1)!.event).toBe('done');
  }
});
