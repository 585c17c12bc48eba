import { expect, test } from 'vitest';
import { highlightPassage } from './highlight-passage';

const passage = '正式员工每年享有十五天带薪年假。年假需要提前一周在系统中申请，并由直属经理审批。';

test('marks the sentence the citing sentence draws on', () => {
  const parts = highlightPassage(passage, '根据知识库：年假要提前一周申请');
  expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual([
    '年假需要提前一周在系统中申请，并由直属经理审批。',
  ]);
  expect(parts.map((p) => p.text).join('')).toBe(passage);
});

test('works for English and marks nothing without overlap', () => {
  const text = 'Hotels are booked through the portal. Taxis are paid by card.';
  expect(highlightPassage(text, 'Book hotels through the portal').find((p) => p.mark)?.text).toBe(
    'Hotels are booked through the portal.',
  );
  expect(highlightPassage(text, '完全无关').some((p) => p.mark)).toBe(false);
});
