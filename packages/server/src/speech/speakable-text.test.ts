import { expect, test } from 'vitest';
import { speakableText } from './speakable-text';

test('markdown is read as prose: no symbols, no code blocks, links as their text', () => {
  const answer = [
    '## 结论',
    '',
    '**明天**杭州有*小雨*，详见[天气预报](https://example.com)。',
    '',
    '```js',
    'console.log(1)',
    '```',
    '',
    '- 带伞',
    '1. 早点出门',
    '',
    '| 日期 | 天气 |',
    '| --- | --- |',
    '| 周三 | 雨 |',
  ].join('\n');
  expect(speakableText(answer)).toBe(
    '结论\n明天杭州有小雨，详见天气预报。\n带伞\n早点出门\n日期, 天气\n周三, 雨',
  );
});
