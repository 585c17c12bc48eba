import { expect, test } from 'vitest';
import { shortcutFor } from './use-shortcuts';

const key = (k: string, mods: { shift?: boolean; ctrl?: boolean; meta?: boolean } = {}) => ({
  key: k,
  shiftKey: !!mods.shift,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
});

test('the documented shortcuts', () => {
  expect(shortcutFor(key('O', { ctrl: true, shift: true }))).toBe('newChat');
  expect(shortcutFor(key('o', { meta: true, shift: true }))).toBe('newChat');
  expect(shortcutFor(key('Escape', { shift: true }))).toBe('focusInput');
  expect(shortcutFor(key('Escape'))).toBe('stop');
  expect(shortcutFor(key('o', { ctrl: true }))).toBeUndefined();
});
