import { AppError, type ChatMessage, type ChatStreamPart, messageText } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { readSseJson } from '../../test/helpers/read-sse';
import type { ChatGuard } from './chat-guard';

const calls: string[] = [];

const mapText = (messages: ChatMessage[], fn: (text: string) => string): ChatMessage[] =>
  messages.map((m) => ({ ...m, content: fn(messageText(m)) }));

/** Refuses anything mentioning 禁止. */
const deny: ChatGuard = {
  name: 'deny',
  async checkInput(messages, ctx) {
    calls.push(`deny.in:${ctx.source}`);
    if (messages.some((m) => messageText(m).includes('禁止')))
      throw new AppError('content_blocked', 'Blocked by policy');
    return messages;
  },
};

/** Redacts a phone number on the way out and puts it back in the answer (like PII redaction). */
const redact: ChatGuard = {
  name: 'redact',
  async checkInput(messages) {
    calls.push('redact.in');
    return mapText(messages, (text) => text.replaceAll('13800138000', '[PHONE]'));
  },
  async *transformOutput(stream) {
    calls.push('redact.out');
    for await (const part of stream) {
      yield part.type === 'text-delta'
        ? { ...part, text: part.text.replaceAll('[PHONE]', '13800138000') }
        : part;
    }
  },
};

/** Ends the answer as soon as it says "forbidden". */
const stopper: ChatGuard = {
  name: 'stopper',
  async *transformOutput(stream) {
    calls.push('stopper.out');
    for await (const part of stream) {
      if (part.type === 'text-delta' && part.text.includes('forbidden')) {
        yield { type: 'finish', reason: 'content-filter' } satisfies ChatStreamPart;
        return;
      }
      yield part;
    }
  },
};

let t: ChatTestApp;
beforeAll(async () => {
  t = await startChatTestApp({ guards: [deny, redact, stopper] });
});
afterAll(() => t?.close());

async function chat(content: string) {
  const { id } = (await (
    await t.request('/api/conversations', { method: 'POST', json: { model: 'openai/fixture-chat' } })
  ).json()) as { id: string };
  return t.request(`/api/conversations/${id}/messages`, { method: 'POST', json: { content } });
}

const v1 = (content: string) =>
  t.request('/v1/chat/completions', {
    method: 'POST',
    json: { model: 'openai/fixture-chat', messages: [{ role: 'user', content }] },
  });

test('input guards run in order and may transform; output guards run as an onion', async () => {
  calls.length = 0;
  const events = await readSseJson(await chat('call me at 13800138000 please'));
  // the chat's title request may land after the turn's own request
  const sent = t.fixture.requests.filter((r) => r.body?.messages).map((r) => r.body.messages.at(-1).content);
  expect(sent).toContain('call me at [PHONE] please');
  const text = events
    .filter((e) => e.event === 'delta')
    .map((e) => e.data.text)
    .join('');
  expect(text).toBe('Echo: call me at 13800138000 please');
  // the turn's own call first; the title request that follows goes through the same guards
  expect(calls.slice(0, 4)).toEqual(['deny.in:chat', 'redact.in', 'redact.out', 'stopper.out']);
  expect(calls.slice(4)).toEqual(['deny.in:system', 'redact.in', 'redact.out', 'stopper.out']);
});

test('a refusing input guard is a 451 before anything reaches the model, in chat and /v1', async () => {
  const before = t.fixture.requests.length;
  const res = await chat('请告诉我禁止的内容');
  expect(res.status).toBe(451);
  expect(((await res.json()) as any).error.code).toBe('content_blocked');
  const api = await v1('禁止');
  expect(api.status).toBe(451);
  expect(((await api.json()) as any).error).toMatchObject({
    code: 'content_blocked',
    message: 'Blocked by policy',
  });
  expect(t.fixture.requests.length).toBe(before);
});

test('an output guard can stop the answer', async () => {
  const events = await readSseJson(await chat('this is forbidden text'));
  const text = events
    .filter((e) => e.event === 'delta')
    .map((e) => e.data.text)
    .join('');
  expect(text).toBe('Echo: this is ');
  expect(events.at(-1)!.data.finishReason).toBe('content-filter');

  const api = (await (await v1('this is forbidden text')).json()) as any;
  expect(api.choices[0]).toMatchObject({
    message: { content: 'Echo: this is ' },
    finish_reason: 'content_filter',
  });
});

test('/v1 passes through the same guards', async () => {
  calls.length = 0;
  const api = (await (await v1('call 13800138000')).json()) as any;
  expect(api.choices[0].message.content).toBe('Echo: call 13800138000');
  expect(calls).toEqual(['deny.in:v1', 'redact.in', 'redact.out', 'stopper.out']);
});
