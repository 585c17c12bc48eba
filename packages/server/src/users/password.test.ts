import { expect, test } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

test('hash and verify', async () => {
  const hash = await hashPassword('correct horse battery');
  expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
  expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  expect(await verifyPassword('', hash)).toBe(false);
});

test('hashes are salted', async () => {
  expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
});

test('the parameters stored in the hash are the ones used to verify', async () => {
  const hash = await hashPassword('密码 with unicode');
  expect(await verifyPassword('密码 with unicode', hash)).toBe(true);
  const tampered = hash.replace('$32768$', '$16384$');
  expect(await verifyPassword('密码 with unicode', tampered)).toBe(false);
});

test('malformed stored hashes verify as false', async () => {
  expect(await verifyPassword('x', '')).toBe(false);
  expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  expect(await verifyPassword('x', 'scrypt$999999999$8$1$abc$def')).toBe(false);
});

test('the dummy check always fails', async () => {
  expect(await verifyAgainstDummy('anything')).toBe(false);
});
