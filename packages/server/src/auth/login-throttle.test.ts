import type { AppError } from '@qiao/core';
import { expect, test } from 'vitest';
import { accountKey, LoginThrottle } from './login-throttle';
import { throttleAddress } from './throttle-address';

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

test('every spelling of a name shares one count; IPv6 clients count per /64 (issue 12 item 11)', () => {
  const throttle = new LoginThrottle({ perUser: 5, perAddress: 3, windowMs: 60_000 });
  for (const name of [' carol', 'Carol', 'CAROL ', 'ｃａｒｏｌ', 'carol\u3000'])
    throttle.fail(name, undefined);
  expect(refusal(() => throttle.check('carol', undefined))?.code).toBe('rate_limited');
  expect(accountKey(' Ｃarol\t', undefined)).toBe(accountKey('carol', undefined));
  expect(accountKey('ΣΑΣ', 'u1')).toBe(accountKey('σας', 'u1'));

  for (const address of ['2001:db8::1', '2001:db8:0:0:ffff::2', '2001:0db8:0000:0000:1::3'])
    throttle.fail(`name-${address}`, address);
  expect(refusal(() => throttle.check('someone', '2001:db8::abcd'))?.code).toBe('rate_limited');
  expect(refusal(() => throttle.check('someone', '2001:db8:0:1::1'))).toBeUndefined();
});

test('throttleAddress groups what one client controls', () => {
  expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
  expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(throttleAddress('2001:DB8:0:0:1:2:3:4')).toBe('2001:db8:0:0::/64');
  expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  expect(throttleAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
});
