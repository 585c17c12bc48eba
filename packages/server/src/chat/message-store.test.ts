import { expect, test } from 'vitest';
import { titleFromMessage } from './conversation-title';
import { type MessageRow, toThread } from './message-store';

let clock = 0;
const row = (
  id: string,
  role: MessageRow['role'],
  content: string,
  parentId: string | null = null,
): MessageRow => ({
  id,
  conversationId: 'c',
  role,
  content,
  reasoning: null,
  toolCalls: null,
  toolCallId: null,
  parentId,
  model: null,
  status: 'complete',
  usage: null,
  plainText: content,
  createdAt: new Date(++clock),
});

test('the thread uses the newest version of each answer and skips empty stopped ones', () => {
  const rows = [
    row('u1', 'user', 'q1'),
    row('a1', 'assistant', 'old', 'u1'),
    row('u2', 'user', 'q2'),
    row('a2', 'assistant', '', 'u2'),
    row('a1b', 'assistant', 'new', 'u1'),
  ];
  expect(toThread(rows)).toEqual([
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: 'new' },
    { role: 'user', content: 'q2' },
  ]);
});

test('titles are one trimmed line of about 30 characters', () => {
  expect(titleFromMessage('  hello\n  world ')).toBe('hello world');
  expect(titleFromMessage('请帮我写一份关于人工智能在教育领域应用的详细调研报告，包括现状和趋势')).toBe(
    '请帮我写一份关于人工智能在教育领域应用的详细调研报告，包括现…',
  );
});

test('an answer still streaming elsewhere is left out; an interrupted one counts like a stopped one', () => {
  const streaming = { ...row('a1b', 'assistant', 'half', 'u1'), status: 'streaming' as const };
  const interrupted = { ...row('a2', 'assistant', 'cut', 'u2'), status: 'interrupted' as const };
  const empty = { ...row('a3', 'assistant', '', 'u3'), status: 'interrupted' as const };
  const rows = [
    row('u1', 'user', 'q1'),
    row('a1', 'assistant', 'old', 'u1'),
    streaming,
    row('u2', 'user', 'q2'),
    interrupted,
    row('u3', 'user', 'q3'),
    empty,
  ];
  expect(toThread(rows)).toEqual([
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: 'old' },
    { role: 'user', content: 'q2' },
    { role: 'assistant', content: 'cut' },
    { role: 'user', content: 'q3' },
  ]);
});
