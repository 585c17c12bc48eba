import { detectPii } from '@qiao/core';
import { expect, test } from 'vitest';
import { spokenWithoutPii } from './spoken-without-pii';

test('personal data is read as its kind, the rest as written', () => {
  const zh = '请拨打 13812345678 或发邮件到 li.lei@example.com，谢谢';
  expect(spokenWithoutPii(zh, detectPii(zh), 'zh-CN')).toBe('请拨打 手机号 或发邮件到 邮箱地址，谢谢');
  const en = 'Call 13812345678 today.';
  expect(spokenWithoutPii(en, detectPii(en), 'en')).toBe('Call phone number today.');
  expect(spokenWithoutPii('没有个人信息', [], 'zh-CN')).toBe('没有个人信息');
});
