import { expect, test } from 'vitest';
import { enterSends } from './enter-sends';

test('Enter sends, Shift+Enter and other keys do not', () => {
  expect(enterSends({ key: 'Enter', shiftKey: false })).toBe(true);
  expect(enterSends({ key: 'Enter', shiftKey: true })).toBe(false);
  expect(enterSends({ key: 'a', shiftKey: false })).toBe(false);
});

test('Enter that confirms an IME candidate does not send', () => {
  expect(enterSends({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
  // Safari ends composition before keydown but still reports keyCode 229
  expect(enterSends({ key: 'Enter', shiftKey: false, isComposing: false, keyCode: 229 })).toBe(false);
  expect(enterSends({ key: 'Enter', shiftKey: false, isComposing: false, keyCode: 13 })).toBe(true);
});
