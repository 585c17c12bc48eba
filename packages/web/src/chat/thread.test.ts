import type { MessageDto } from '@qiao/core';
import { expect, test } from 'vitest';
import { buildThread, foldToolSteps, fromDto, stepVersion } from './thread';

const messages = [
  { id: 'u1', role: 'user' as const, parentId: null },
  { id: 'a1', role: 'assistant' as const, parentId: 'u1' },
  { id: 'u2', role: 'user' as const, parentId: null },
  { id: 'a2', role: 'assistant' as const, parentId: 'u2' },
  { id: 'a1b', role: 'assistant' as const, parentId: 'u1' },
];

test('answers sharing a parent are versions; the newest is shown by default', () => {
  expect(buildThread(messages, {})).toEqual([
    { kind: 'user', id: 'u1' },
    { kind: 'assistant', id: 'a1b', versions: ['a1', 'a1b'], index: 1 },
    { kind: 'user', id: 'u2' },
    { kind: 'assistant', id: 'a2', versions: ['a2'], index: 0 },
  ]);
});

test('a chosen version is shown, an unknown choice falls back to the newest', () => {
  expect(buildThread(messages, { u1: 'a1' })[1]).toMatchObject({ id: 'a1', index: 0 });
  expect(buildThread(messages, { u1: 'gone' })[1]).toMatchObject({ id: 'a1b', index: 1 });
});

test('stepping through versions stops at both ends', () => {
  const row = { versions: ['a', 'b', 'c'], index: 1 };
  expect(stepVersion(row, -1)).toBe('a');
  expect(stepVersion(row, 1)).toBe('c');
  expect(stepVersion({ ...row, index: 2 }, 1)).toBe('c');
  expect(stepVersion({ ...row, index: 0 }, -1)).toBe('a');
});

test('tool rounds fold into the answer they led to instead of showing as bubbles', () => {
  const dto = (m: Partial<MessageDto> & Pick<MessageDto, 'id' | 'role'>): MessageDto =>
    ({ parentId: null, toolCalls: null, content: '', ...m }) as MessageDto;
  const call = { id: 'c1', name: 'current_time', arguments: '{}' };
  const folded = foldToolSteps([
    dto({ id: 'u1', role: 'user' }),
    dto({ id: 's1', role: 'assistant', parentId: 'a1', toolCalls: [call] }),
    dto({ id: 't1', role: 'tool', parentId: 'a1', toolCallId: 'c1', content: '2026-11-29 星期日' }),
    dto({ id: 'a1', role: 'assistant', parentId: 'u1', content: '今天是 11 月 29 日' }),
  ]);
  expect(folded.map((m) => m.id)).toEqual(['u1', 'a1']);
  expect(folded[1]!.toolCalls).toEqual([
    { ...call, result: { ok: true, content: '2026-11-29 星期日', sources: [] } },
  ]);
});

test('a stored answer keeps its stopped or interrupted state; one still being written shows as it stands', () => {
  const dto = (status: MessageDto['status']) =>
    ({
      id: 'a',
      conversationId: 'c',
      role: 'assistant',
      content: 'half an answer',
      reasoning: null,
      toolCalls: null,
      toolCallId: null,
      parentId: 'u',
      model: 'm',
      status,
      usage: null,
      createdAt: new Date(0).toISOString(),
      feedback: null,
    }) satisfies MessageDto;
  expect(fromDto(dto('interrupted'))).toMatchObject({ status: 'interrupted', text: 'half an answer' });
  expect(fromDto(dto('stopped'))?.status).toBe('stopped');
  expect(fromDto(dto('streaming'))?.status).toBe('done');
  expect(fromDto(dto('complete'))?.status).toBe('done');
});
