import { PiiVault } from '@qiao/core';
import { expect, test } from 'vitest';
import { redactSegments } from './redact-segments';

const redact = (...pieces: string[]) => redactSegments(pieces, new PiiVault()).segments;

test('a value split over pieces is replaced where it starts, its other pieces removed', () => {
  expect(redact('电话 138', '0013', '8000 谢谢')).toEqual(['电话 [PHONE_1]', '', ' 谢谢']);
  expect(redact('mail zhang.san', '@example.com today')).toEqual(['mail [EMAIL_1]', ' today']);
  expect(redact('身份证 110105194912', '31002X')).toEqual(['身份证 [ID_1]', '']);
});

test('pieces keep their own values when the join would glue them into something else', () => {
  expect(redact('13800138000', '12')).toEqual(['[PHONE_1]', '12']);
  expect(redact('电话 13800138000。', '邮箱 li@example.com')).toEqual(['电话 [PHONE_1]。', '邮箱 [EMAIL_1]']);
});

test('text without personal data comes back as it was, boundaries without digits are not read', () => {
  const pieces = ['你好，这是一个普通的段落。', 'The order ships in three days.', '版本 1.2.3'];
  expect(redact(...pieces)).toEqual(pieces);
});
