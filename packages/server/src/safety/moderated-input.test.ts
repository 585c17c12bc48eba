import type { ChatMessage } from '@qiao/core';
import { expect, test } from 'vitest';
import { callerWrote } from './moderated-input';

const thread: ChatMessage[] = [
  { role: 'system', content: 'agent persona' },
  { role: 'system', content: 'conversation system prompt' },
  { role: 'user', content: 'q1' },
  { role: 'assistant', content: 'a1', toolCalls: [{ id: 'c', name: 'read_url', arguments: '{}' }] },
  { role: 'tool', toolCallId: 'c', content: 'a web page' },
  { role: 'system', content: 'knowledge passages' },
  { role: 'user', content: 'q2' },
];
const read = (source: 'chat' | 'v1' | 'cli' | 'system') => {
  const wrote = callerWrote(thread, { source, model: 'm' });
  return thread.filter((_, i) => wrote(i)).map((m) => m.content);
};

test('REST chat moderates the user turns and the system messages that open the thread, not Qiao’s own', () => {
  expect(read('chat')).toEqual(['agent persona', 'conversation system prompt', 'q1', 'q2']);
});

test('/v1 and the CLI moderate every role; helper calls only user turns', () => {
  expect(read('v1')).toHaveLength(thread.length);
  expect(read('cli')).toHaveLength(thread.length);
  expect(read('system')).toEqual(['q1', 'q2']);
});
