import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runQiao } from '../../test/helpers/spawn-qiao';
import { lockPath } from '../server/data-dir-lock';

const dataDir = mkdtempSync(join(tmpdir(), 'qiao-cli-errors-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function expectOneLine(stderr: string, includes: string): void {
  expect(stderr).toMatch(/^qiao: [^\n]+\n$/);
  expect(stderr).toContain(includes);
}

test('bad configuration, an unreachable database and a busy data dir each fail with one line', async () => {
  const [badPort, noDatabase, noDatabaseServe, unknown] = await Promise.all([
    runQiao(['keys', 'create', '--name', 'x'], { QIAO_DATA_DIR: dataDir, PORT: 'abc' }),
    runQiao(['users', 'create', '--name', 'ann', '--password', 'secret-password'], {
      QIAO_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://user:hunter2@127.0.0.1:1/qiao',
    }),
    runQiao(['serve', '--port', '0'], {
      QIAO_DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://user:hunter2@127.0.0.1:1/qiao',
    }),
    runQiao(['keys', 'create', '--name', 'x', '--bogus'], { QIAO_DATA_DIR: dataDir }),
  ]);

  expect(badPort.code).toBe(1);
  expectOneLine(badPort.stderr, 'PORT');

  for (const result of [noDatabase, noDatabaseServe]) {
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, 'DATABASE_URL (postgres://user:***@127.0.0.1:1/qiao)');
    expect(result.stderr).not.toContain('hunter2');
  }

  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toContain("unknown option '--bogus'");

  // a live process (this test runner) holding the lock as a CLI command
  mkdirSync(join(dataDir, 'run'), { recursive: true });
  writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, kind: 'cli', startedAt: 'now' }));
  const busy = await runQiao(['users', 'create', '--name', 'ann', '--password', 'secret-password'], {
    QIAO_DATA_DIR: dataDir,
  });
  expect(busy.code).toBe(1);
  expectOneLine(busy.stderr, `in use by another qiao command (pid ${process.pid})`);
}, 60_000);
