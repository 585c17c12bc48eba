import { expect, test } from 'vitest';
import { splitCitations } from './split-citations';

test('each marker carries the sentence it closes; adjacent markers share it', () => {
  expect(splitCitations('根据知识库：年假十五天[1]。报销三十天内提交。[2][3]')).toEqual([
    '根据知识库：年假十五天',
    { index: 1, quote: '根据知识库：年假十五天' },
    '。报销三十天内提交。',
    { index: 2, quote: '报销三十天内提交' },
    { index: 3, quote: '报销三十天内提交' },
  ]);
});

test('text without markers stays one piece', () => {
  expect(splitCitations('no citations here')).toEqual(['no citations here']);
});
