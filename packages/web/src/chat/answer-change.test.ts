import { expect, test } from 'vitest';
import { answerChange } from './answer-change';
import { newMessage } from './thread';

const answer = newMessage('a', { role: 'assistant', parentId: 'u', text: 'Hel' });

test('deltas append, a tool result lands on its call, conversation events change no answer', () => {
  expect(answerChange(answer, 'delta', { text: 'lo' })).toEqual({ text: 'Hello' });
  const call = { id: 'c1', name: 'calculator', arguments: '{}' };
  const withCall = { ...answer, ...answerChange(answer, 'tool_call', call) };
  const result = answerChange(withCall, 'tool_result', { id: 'c1', ok: true, content: '2' });
  expect(result?.toolCalls?.[0]).toMatchObject({ id: 'c1', result: { ok: true, content: '2' } });
  expect(answerChange(answer, 'title', { title: 'x' })).toBeUndefined();
});
