import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { acquireDataDirLock, lockPath, readLiveLock } from './data-dir-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qiao-lock-'));
  dirs.push(dir);
  return dir;
}

function writeLock(dir: string, content: object): void {
  mkdirSync(join(dir, 'run'), { recursive: true });
  writeFileSync(lockPath(dir), JSON.stringify(content));
}

test('a lock is private, names its holder, excludes a second taker and goes away on release', () => {
  const dir = dataDir();
  const lock = acquireDataDirLock(dir, 'server');
  expect(statSync(lock.path).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, kind: 'server' });

  lock.update({ url: 'http://127.0.0.1:1234', token: 'secret' });
  expect(readLiveLock(dir)).toMatchObject({ kind: 'server', url: 'http://127.0.0.1:1234', token: 'secret' });
  expect(statSync(lock.path).mode & 0o777).toBe(0o600);

  expect(() => acquireDataDirLock(dir, 'cli')).toThrow(
    `is in use by a running Qiao server (pid ${process.pid}, http://127.0.0.1:1234)`,
  );
  lock.release();
  expect(existsSync(lock.path)).toBe(false);
  expect(readLiveLock(dir)).toBeUndefined();
});

test('a lock held by another live process is refused with its pid', () => {
  const dir = dataDir();
  writeLock(dir, { pid: process.ppid, kind: 'cli', startedAt: 'x' });
  expect(() => acquireDataDirLock(dir, 'server')).toThrow(
    `in use by another qiao command (pid ${process.ppid})`,
  );
  expect(readLiveLock(dir)?.pid).toBe(process.ppid);
});

test('stale locks (dead pid, our pid from an earlier run, garbage) are replaced', () => {
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  for (const stale of [
    JSON.stringify({ pid: deadPid, kind: 'server', url: 'http://127.0.0.1:1', startedAt: 'a' }),
    JSON.stringify({ pid: process.pid, kind: 'server', startedAt: 'b' }),
    '{"pid":',
  ]) {
    const dir = dataDir();
    mkdirSync(join(dir, 'run'));
    writeFileSync(lockPath(dir), stale);
    expect(readLiveLock(dir)).toBeUndefined();
    const lock = acquireDataDirLock(dir, 'cli');
    expect(readLiveLock(dir)).toMatchObject({ pid: process.pid, kind: 'cli' });
    lock.release();
  }
});
