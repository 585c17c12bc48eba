import type { ChatStreamPart } from '@qiao/core';
import { expect, test } from 'vitest';
import { CompletionChunks } from './completion-chunks';
import { streamCompletion } from './stream-completion';

async function* parts(...list: ChatStreamPart[]): AsyncGenerator<ChatStreamPart> {
  yield* list;
}

async function frames(list: ChatStreamPart[], includeUsage = false) {
  const chunks = new CompletionChunks({ id: 'chatcmpl-1', created: 1, model: 'm', includeUsage });
  let text = '';
  for await (const frame of streamCompletion({ parts: parts(...list), chunks, includeUsage })) text += frame;
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => frame.replace(/^data: /, ''))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

test('tool calls streamed as deltas are not repeated by the final tool-call part', async () => {
  const out = await frames([
    { type: 'tool-call-delta', index: 0, id: 'c1', name: 'f', argumentsDelta: '{"a"' },
    { type: 'tool-call-delta', index: 0, id: 'c1', name: 'f', argumentsDelta: ':1' },
    { type: 'tool-call', index: 0, id: 'c1', name: 'f', arguments: '{"a":1}' },
    { type: 'tool-call', index: 1, id: 'c2', name: 'g', arguments: '{}' },
    { type: 'finish', reason: 'tool-calls' },
  ]);
  const calls = out.slice(1, -2).map((chunk) => chunk.choices[0].delta.tool_calls[0]);
  expect(calls).toEqual([
    { index: 0, id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a"' } },
    { index: 0, function: { arguments: ':1' } },
    { index: 0, function: { arguments: '}' } },
    { index: 1, id: 'c2', type: 'function', function: { name: 'g', arguments: '{}' } },
  ]);
  expect(out.at(-2).choices[0].finish_reason).toBe('tool_calls');
  expect(out.at(-1)).toBe('[DONE]');
});

test('usage goes in a final chunk with no choices; an error ends the stream without [DONE]', async () => {
  const ok = await frames(
    [
      { type: 'text-delta', text: '好' },
      { type: 'usage', usage: { inputTokens: 2, outputTokens: 1, totalTokens: 3 } },
      { type: 'finish', reason: 'length' },
    ],
    true,
  );
  expect(ok.map((c) => (c === '[DONE]' ? c : c.choices[0]?.finish_reason))).toEqual([
    null,
    null,
    'length',
    undefined,
    '[DONE]',
  ]);
  expect(ok.at(-2)).toMatchObject({
    choices: [],
    usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
  });
  expect(ok[1].usage).toBeNull();

  const failed = await frames([
    { type: 'text-delta', text: 'a' },
    { type: 'error', error: { code: 'upstream_error', message: 'connection reset' } },
  ]);
  expect(failed.at(-1)).toEqual({
    error: { message: 'connection reset', type: 'server_error', code: 'upstream_error', param: null },
  });
});
