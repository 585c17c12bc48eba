import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { collect, runQiao, startQiao, waitForOutput } from '../../test/helpers/spawn-qiao';
import { lockPath } from '../server/data-dir-lock';

// One data dir through the whole story: every PGlite start costs seconds, so steps share it.
const dataDir = mkdtempSync(join(tmpdir(), 'qiao-cli-'));
let fixture: OpenAIFixture;
let env: Record<string, string>;

beforeAll(async () => {
  fixture = await startOpenAIFixture();
  env = { QIAO_DATA_DIR: dataDir, OPENAI_BASE_URL: fixture.url, OPENAI_API_KEY: 'x', QIAO_LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await fixture?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const apiKeyLine = /\nsk-qiao-[A-Za-z0-9]{40}\n$/;

test('users and keys are created straight on the embedded database', async () => {
  const user = await runQiao(
    ['users', 'create', '--name', 'admin', '--password', 'correct horse', '--admin'],
    env,
  );
  expect(user).toMatchObject({ code: 0, stderr: '' });
  const key = await runQiao(['keys', 'create', '--name', 'ci'], env);
  expect(key.stderr).toBe('');
  expect(key.stdout).toMatch(apiKeyLine);
  expect(existsSync(lockPath(dataDir))).toBe(false);
}, 120_000);

test('while `qiao serve` runs, commands go through it and a second server is refused', async () => {
  const server = startQiao(['serve', '--port', '0'], env);
  const exited = collect(server);
  try {
    const [, url] = (await waitForOutput(
      server,
      /Qiao listening on (http:\/\/127\.0\.0\.1:\d+)/,
    )) as string[];
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8'));
    expect(lock).toMatchObject({ pid: server.pid, kind: 'server', url });

    const [key, models, chat, missing, doctor, second] = await Promise.all([
      runQiao(['keys', 'create', '--name', 'through-server', '--user', 'admin'], env),
      runQiao(['models'], env),
      runQiao(['chat', '--model', 'openai/fixture-chat', '你好'], env),
      runQiao(['chat', '--model', 'openai/nope', 'hi'], env),
      runQiao(['doctor'], env),
      runQiao(['serve', '--port', '0'], env),
    ]);
    expect(key.stdout).toMatch(apiKeyLine);
    const newKey = key.stdout.trim().split('\n').at(-1);
    const listed = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${newKey}` } });
    expect(listed.status).toBe(200);

    expect(models.stdout.split('\n')).toContain('openai/fixture-chat');
    expect(chat).toMatchObject({ code: 0, stdout: 'Echo: 你好\n' });
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^qiao: [^\n]*openai\/nope[^\n]*\n$/);
    expect(doctor).toMatchObject({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain(`server         running, pid ${server.pid} at ${url}`);
    expect(doctor.stdout).toMatch(/\n {2}openai +ok +\d+ ms +\d+ models\n/);

    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^qiao: [^\n]*in use by a running Qiao server \(pid \d+, http:[^\n]*\n$/);
  } finally {
    server.kill('SIGTERM');
  }
  expect((await exited).code).toBe(0);
  expect(existsSync(lockPath(dataDir))).toBe(false);
}, 120_000);

test('a stale lock is replaced and chat streams straight from the gateway', async () => {
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(
    lockPath(dataDir),
    JSON.stringify({ pid: deadPid, kind: 'server', url: 'http://127.0.0.1:1' }),
  );
  const chat = await runQiao(['chat', '--model', 'openai/fixture-chat', 'hello there'], env);
  expect(chat).toMatchObject({ code: 0, stdout: 'Echo: hello there\n' });
  // the call is in the request log, summed by `qiao usage`
  const usage = await runQiao(['usage', '--days', '7', '--tz', 'Asia/Shanghai'], env);
  expect(usage.code, usage.stderr).toBe(0);
  // this chat and the one through the server in the test before
  expect(usage.stdout).toMatch(/^7 days from \d{4}-\d\d-\d\d \(Asia\/Shanghai\): 2 requests, 0\.0% failed/);
  expect(usage.stdout).toMatch(/\nopenai\/fixture-chat +2 +█{20} +0\.0%/);
  const badDays = await runQiao(['usage', '--days', 'many'], env);
  expect(badDays).toMatchObject({ code: 1, stderr: expect.stringMatching(/^qiao: days: [^\n]+\n$/) });
  // doctor on the database itself, with one provider that cannot be reached
  const doctor = await runQiao(['doctor'], {
    ...env,
    DEEPSEEK_API_KEY: 'x',
    DEEPSEEK_BASE_URL: 'http://127.0.0.1:1/v1',
  });
  expect(doctor.code).toBe(1);
  expect(doctor.stdout).toContain(`database       embedded PGlite in ${dataDir}/db`);
  expect(doctor.stdout).toMatch(/\n {2}openai +ok +\d+ ms +\d+ models\n/);
  expect(doctor.stdout).toMatch(/\n {2}deepseek +error +\d+ ms +deepseek: cannot connect/);
  expect(doctor.stderr).toBe('qiao: 1 check failed\n');
  expect(existsSync(lockPath(dataDir))).toBe(false);
}, 120_000);
