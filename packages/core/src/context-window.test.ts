import { expect, test } from 'vitest';
import type { ChatMessage } from './chat-message';
import { planContext } from './context-window';
import { estimateMessagesTokens } from './token-estimate';

const system: ChatMessage = { role: 'system', content: '你是一个乐于助人的助手。' };
const turn = (question: string, answer: string): ChatMessage[] => [
  { role: 'user', content: question },
  { role: 'assistant', content: answer },
];

test('keeps everything when it fits', () => {
  const messages = [
    system,
    ...turn('你好', '你好！有什么可以帮你？'),
    { role: 'user', content: 'hi' } as ChatMessage,
  ];
  const plan = planContext({ messages, contextWindow: 8000, reserveTokens: 1000 });
  expect(plan.messages).toEqual(messages);
  expect(plan.dropped).toEqual([]);
  expect(plan.fits).toBe(true);
  expect(plan.estimatedTokens).toBe(estimateMessagesTokens(messages));
});

test('drops the oldest whole turns and keeps the system prompt', () => {
  const old = turn('第一个问题'.repeat(40), '第一个回答'.repeat(40)); // ~400 tokens
  const middle = turn('What is the capital of France?', 'Paris.');
  const latest: ChatMessage = { role: 'user', content: '那德国呢？' };
  const plan = planContext({
    messages: [system, ...old, ...middle, latest],
    contextWindow: 300,
    reserveTokens: 200,
  });
  expect(plan.messages).toEqual([system, ...middle, latest]);
  expect(plan.dropped).toEqual(old);
  expect(plan.fits).toBe(true);
  expect(plan.estimatedTokens).toBeLessThanOrEqual(plan.budget);
});

test('never separates a tool call from its result', () => {
  const toolTurn: ChatMessage[] = [
    { role: 'user', content: 'weather in Beijing?' },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"北京"}' }],
    },
    { role: 'tool', content: '晴，25°C'.repeat(30), toolCallId: 'c1' },
    { role: 'assistant', content: '北京今天晴，25°C。' },
  ];
  const latest: ChatMessage = { role: 'user', content: 'thanks' };
  const plan = planContext({
    messages: [system, ...toolTurn, latest],
    contextWindow: 150,
    reserveTokens: 100,
  });
  expect(plan.messages).toEqual([system, latest]);
  expect(plan.dropped).toEqual(toolTurn);
  expect(plan.messages.some((m) => m.role === 'tool')).toBe(false);
});

test('always keeps the newest turn and says when it does not fit', () => {
  const latest: ChatMessage = { role: 'user', content: '长'.repeat(500) };
  const plan = planContext({
    messages: [system, ...turn('a', 'b'), latest],
    contextWindow: 400,
    reserveTokens: 100,
  });
  expect(plan.messages).toEqual([system, latest]);
  expect(plan.fits).toBe(false);
});
