import type { AppError } from '@qiao/core';
import { expect, test } from 'vitest';
import { LoginThrottle } from './login-throttle';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  return undefined;
};

test('a user name locks after its failures, for the rest of the window, whatever the address', () => {
  const time = clock();
  const throttle = new LoginThrottle({ perUser: 3, perAddress: 100, windowMs: 60_000, now: time.now });
  for (let i = 0; i < 3; i++) {
    expect(refusal(() => throttle.check('Alice', `10.0.0.${i}`))).toBeUndefined();
    throttle.fail('Alice', `10.0.0.${i}`);
  }
  const locked = refusal(() => throttle.check('alice', '10.9.9.9'));
  expect(locked).toMatchObject({ code: 'rate_limited', retryAfter: 60 });
  expect(refusal(() => throttle.check('bob', '10.9.9.9'))).toBeUndefined();
  time.advance(60_000);
  expect(refusal(() => throttle.check('alice', '10.9.9.9'))).toBeUndefined();
});

test('one address guessing many names locks too; a success clears only the name', () => {
  const time = clock();
  const throttle = new LoginThrottle({ perUser: 3, perAddress: 4, windowMs: 60_000, now: time.now });
  for (const name of ['a', 'b', 'c', 'd']) throttle.fail(name, '203.0.113.7');
  expect(refusal(() => throttle.check('e', '203.0.113.7'))?.code).toBe('rate_limited');
  expect(refusal(() => throttle.check('e', '198.51.100.1'))).toBeUndefined();

  throttle.fail('carol', undefined);
  throttle.fail('carol', undefined);
  throttle.succeed('carol');
  throttle.fail('carol', undefined);
  expect(refusal(() => throttle.check('carol', undefined))).toBeUndefined();
});
