import { AppError } from '@qiao/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { verifyPassword } from './password';
import { setUserDisabled } from './set-user-disabled';
import {
  countUsers,
  createFirstAdmin,
  createUser,
  findFirstAdmin,
  findUserById,
  findUserByUsername,
  listUsers,
} from './user-store';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('user store', () => {
  test('creates users, hashes passwords, never returns the hash', async () => {
    const { db } = database;
    expect(await countUsers(db)).toBe(0);
    const admin = await createFirstAdmin(db, { username: 'admin', password: 'correct horse' });
    expect(admin).toMatchObject({ username: 'admin', role: 'owner', disabled: false });
    expect(admin).not.toHaveProperty('passwordHash');
    const member = await createUser(db, { username: '  张三 ', password: 'another secret' });
    expect(member).toMatchObject({ username: '张三', role: 'member' });

    const record = await findUserByUsername(db, 'ADMIN');
    expect(record?.id).toBe(admin.id);
    expect(await verifyPassword('correct horse', record!.passwordHash)).toBe(true);
    expect(await findUserById(db, member.id)).toEqual(member);
    expect(await countUsers(db)).toBe(2);
    expect((await listUsers(db)).map((u) => u.username)).toEqual(['admin', '张三']);
    expect((await findFirstAdmin(db))?.id).toBe(admin.id);
  });

  test('a taken name is a conflict, case-insensitively', async () => {
    expect(await codeOf(createUser(database.db, { username: 'Admin', password: 'whatever123' }))).toBe(
      'conflict',
    );
  });

  test('first-admin setup is refused once any user exists', async () => {
    expect(await codeOf(createFirstAdmin(database.db, { username: 'second', password: 'whatever123' }))).toBe(
      'conflict',
    );
  });

  test('weak passwords and bad usernames are validation errors', async () => {
    const { db } = database;
    for (const input of [
      { username: 'bob', password: '' },
      { username: 'bob', password: 'short' },
      { username: 'bob', password: '        x' },
      { username: 'bobby123', password: 'BOBBY123' },
      { username: '', password: 'long enough' },
      { username: 'a', password: 'long enough' },
      { username: 'has space', password: 'long enough' },
      { username: '-dash', password: 'long enough' },
      { username: 'x'.repeat(33), password: 'long enough' },
      { username: 'local-cli', password: 'long enough' },
    ]) {
      expect(await codeOf(createUser(db, input)), JSON.stringify(input)).toBe('validation_failed');
    }
    expect(await countUsers(db)).toBe(2);
  });

  test('every spelling that signs in as a user is taken by that user (issue 12 item 11)', async () => {
    await createUser(database.db, { username: 'carol', password: 'carol password' });
    for (const username of [
      ' carol',
      'carol ',
      'Carol',
      'CAROL',
      'ｃａｒｏｌ',
      'Ｃａｒｏｌ',
      '\tcarol',
      'carol\u3000',
    ]) {
      expect(await codeOf(createUser(database.db, { username, password: 'whatever123' })), username).toBe(
        'conflict',
      );
      // and the same spellings find her
      expect((await findUserByUsername(database.db, username))?.username, username).toBe('carol');
    }
    // invisible and separator characters are not letters: refused, never a look-alike second carol
    for (const username of ['car\u200bol', 'carol\u00ad', 'car ol', 'carol\u200d'])
      expect(await codeOf(createUser(database.db, { username, password: 'whatever123' })), username).toBe(
        'validation_failed',
      );
  });

  test('concurrent creation of one name yields exactly one user', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createUser(database.db, { username: 'racer', password: 'fast enough' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('disabling a user; unknown ids are not_found', async () => {
    const { db } = database;
    const admin = await findFirstAdmin(db);
    await setUserDisabled(db, admin!.id, true);
    expect((await findUserById(db, admin!.id))?.disabled).toBe(true);
    expect(await findFirstAdmin(db)).toBeUndefined();
    await setUserDisabled(db, admin!.id, false);
    expect(await codeOf(setUserDisabled(db, 'no-such-id', true))).toBe('not_found');
  });
});
