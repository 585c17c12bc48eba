import { expect, test } from 'vitest';
import { constantTimeEqual, randomBase62, randomToken, sha256Hex } from './tokens';

test('randomBase62 gives the asked length from the base62 alphabet', () => {
  const value = randomBase62(40);
  expect(value).toMatch(/^[A-Za-z0-9]{40}$/);
  expect(randomBase62(40)).not.toBe(value);
});

test('randomToken is 256 bits of base64url', () => {
  expect(randomToken()).toMatch(/^[\w-]{43}$/);
});

test('sha256Hex and constantTimeEqual', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(constantTimeEqual('token', 'token')).toBe(true);
  expect(constantTimeEqual('token', 'token2')).toBe(false);
  expect(constantTimeEqual('', 'x')).toBe(false);
});
