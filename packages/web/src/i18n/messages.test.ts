import { expect, test } from 'vitest';
import { en, pickLocale, zhCN } from './messages';

test('both languages have the same keys', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
});

test('the browser language picks the locale', () => {
  expect(pickLocale(['zh-TW', 'en'])).toBe('zh-CN');
  expect(pickLocale(['en-US'])).toBe('en');
  expect(pickLocale(['fr-FR', 'zh'])).toBe('zh-CN');
  expect(pickLocale(['fr-FR'])).toBe('en');
});
