import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from './open-database';
import { users } from './schema';

const dataDir = mkdtempSync(join(tmpdir(), 'qiao-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const childCount = () =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('pglite-process') && line.includes(dataDir)).length;

test('the embedded database lives in its own process, keeps data and stops with close()', async () => {
  const first = await openDatabase({ dataDir });
  expect(first.kind).toBe('pglite');
  expect(childCount()).toBe(1);
  await first.db.insert(users).values({ username: 'kept', passwordHash: 'x' });
  // a failed transaction leaves nothing behind, even over the single shared connection
  await expect(
    first.db.transaction(async (tx) => {
      await tx.insert(users).values({ username: 'rolled-back', passwordHash: 'x' });
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  const parallel = await Promise.all(Array.from({ length: 20 }, () => first.db.select().from(users)));
  expect(parallel.every((rows) => rows.length === 1)).toBe(true);
  await first.close();
  expect(childCount()).toBe(0);

  const again = await openDatabase({ dataDir });
  expect((await again.db.select({ name: users.username }).from(users)).map((row) => row.name)).toEqual([
    'kept',
  ]);
  await again.close();
}, 60_000);

test('a NUL in text Qiao itself writes (a model answer, extracted text) is stored as U+FFFD, not refused', async () => {
  const database = await openDatabase({ dataDir });
  try {
    const writes = Array.from({ length: 20 }, (_, i) =>
      database.db.insert(users).values({ username: `nul\u0000${i}`, passwordHash: 'x\u0000y' }),
    );
    const reads = Array.from({ length: 20 }, () => database.db.select().from(users));
    const settled = await Promise.allSettled([...writes, ...reads]);
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    const stored = await database.db.select().from(users);
    expect(stored.find((row) => row.username === 'nul\uFFFD0')?.passwordHash).toBe('x\uFFFDy');
  } finally {
    await database.close();
  }
}, 60_000);
