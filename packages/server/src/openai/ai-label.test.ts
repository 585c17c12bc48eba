import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';

let t: ChatTestApp;
beforeAll(async () => {
  t = await startChatTestApp();
}, 120_000);
afterAll(() => t.close());

const ask = (stream: boolean) =>
  t.request('/v1/chat/completions', {
    method: 'POST',
    json: { model: 'openai/fixture-chat', stream, messages: [{ role: 'user', content: 'hi' }] },
  });

test('a completion carries the implicit AI label (GB 45438): headers and an `aigc` field with its id', async () => {
  const res = await ask(false);
  const body = (await res.json()) as { id: string; aigc: Record<string, unknown> };
  expect(res.headers.get('x-ai-generated')).toBe('true');
  expect(res.headers.get('x-ai-producer')).toBe('Qiao');
  expect(res.headers.get('x-ai-content-id')).toBe(body.id);
  expect(body.aigc).toMatchObject({ Label: '1', ContentProducer: 'Qiao', ProduceID: body.id });
});

test('a streamed completion: the label headers, and the `aigc` field once, in the finish chunk', async () => {
  const res = await ask(true);
  const chunks = (await res.text())
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: {'))
    .map((frame) => JSON.parse(frame.slice(6)));
  expect(res.headers.get('x-ai-generated')).toBe('true');
  expect(res.headers.get('x-ai-content-id')).toBe(chunks[0].id);
  const labelled = chunks.filter((chunk) => chunk.aigc);
  expect(labelled).toHaveLength(1);
  expect(labelled[0].choices[0].finish_reason).toBe('stop');
  expect(labelled[0].aigc).toMatchObject({ Label: '1', ProduceID: chunks[0].id });
});
