import { expect, test } from 'vitest';
import {
  estimateMessagesTokens,
  estimateMessageTokens,
  estimateTextTokens,
  messageOverheadTokens,
} from './token-estimate';

test('Chinese characters count about one token each', () => {
  expect(estimateTextTokens('你好，世界')).toBe(5);
  expect(estimateTextTokens('今天北京的天气怎么样？')).toBe(11);
});

test('other text counts about four characters per token', () => {
  expect(estimateTextTokens('')).toBe(0);
  expect(estimateTextTokens('abcd')).toBe(1);
  expect(estimateTextTokens('hello world')).toBe(3);
});

test('mixed text adds both parts', () => {
  // 4 Han characters + "GPT-4 " (6 characters → 2 tokens)
  expect(estimateTextTokens('GPT-4 是什么模型')).toBe(5 + 2);
});

test('messages add overhead, tool calls and images', () => {
  expect(estimateMessageTokens({ role: 'user', content: 'abcd' })).toBe(messageOverheadTokens + 1);
  const withCall = estimateMessageTokens({
    role: 'assistant',
    content: '',
    toolCalls: [{ id: 'c1', name: 'calc', arguments: '{"x":1}' }],
  });
  expect(withCall).toBeGreaterThan(2 * messageOverheadTokens);
  const image = estimateMessageTokens({
    role: 'user',
    content: [
      { type: 'text', text: '看图' },
      { type: 'image', url: 'data:image/png;base64,AAAA' },
    ],
  });
  expect(image).toBeGreaterThan(500);
  expect(estimateMessagesTokens([{ role: 'user', content: 'abcd' }])).toBeGreaterThan(
    messageOverheadTokens + 1,
  );
});
