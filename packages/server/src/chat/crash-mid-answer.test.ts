import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { sseReader } from '../../test/helpers/read-sse';
import { startQiao, waitForOutput } from '../../test/helpers/spawn-qiao';
import { lockPath } from '../server/data-dir-lock';

const dataDir = mkdtempSync(join(tmpdir(), 'qiao-crash-'));
let fixture: OpenAIFixture;
let env: Record<string, string>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // 1,024 tokens 50 ms apart: the answer is still streaming for ~50 s when the server is killed
  fixture = await startOpenAIFixture({ tokenDelayMs: 50 });
  env = { QIAO_DATA_DIR: dataDir, OPENAI_BASE_URL: fixture.url, OPENAI_API_KEY: 'x', QIAO_LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fixture?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `qiao serve` as a child process; requests act as the local admin (the token of the lock file) */
async function serve() {
  const child = startQiao(['serve', '--port', '0'], env);
  children.push(child);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // a first start runs initdb: slow on a loaded machine
  const [, url] = (await waitForOutput(
    child,
    /Qiao listening on (http:\/\/127\.0\.0\.1:\d+)/,
    180_000,
  )) as string[];
  const { token } = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as { token: string };
  const request = (path: string, init: { method?: string; json?: unknown } = {}) =>
    fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  return { child, request, stdout: () => stdout };
}

test('kill -9 mid-answer keeps the question and the answer so far, marked interrupted after a restart', async () => {
  const first = await serve();
  // the first admin, from loopback; the local token then acts as them
  const setup = await first.request('/api/auth/setup', {
    method: 'POST',
    json: { username: 'admin', password: 'correct horse' },
  });
  expect(setup.status).toBeLessThan(300);
  const created = await first.request('/api/conversations', {
    method: 'POST',
    json: { model: 'openai/fixture-long-1024' },
  });
  const { id } = (await created.json()) as { id: string };
  const question = '从一数到一千，一个不落 — 数慢一点';
  const res = await first.request(`/api/conversations/${id}/messages`, {
    method: 'POST',
    json: { content: question },
  });
  expect(res.status).toBe(200);
  const events = sseReader(res);
  let received = '';
  // ~2.5 s of streaming: at least two periodic writes of the partial answer
  for (let deltas = 0; deltas < 50; ) {
    const event = await events.next();
    if (!event) throw new Error(`the stream ended early after: ${received}`);
    if (event.event === 'delta') {
      received += (JSON.parse(event.data) as { text: string }).text;
      deltas++;
    }
  }
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  await events.cancel().catch(() => {});

  const second = await serve();
  const listed = (await (await second.request(`/api/conversations/${id}/messages`)).json()) as {
    messages: { role: string; content: string; status: string; parentId: string | null; id: string }[];
  };
  const [user, answer, ...rest] = listed.messages;
  expect(rest).toEqual([]);
  expect(user).toMatchObject({ role: 'user', content: question });
  expect(answer).toMatchObject({ role: 'assistant', status: 'interrupted', parentId: user!.id });
  // what was kept is a prefix of what the client saw, at most a second or so behind it
  expect(answer!.content.length).toBeGreaterThan(0);
  expect(received.startsWith(answer!.content)).toBe(true);
  expect(answer!.content.split(' ').length).toBeGreaterThan(20);
  expect(second.stdout()).toContain('Marked 1 answer(s) cut off by a previous crash as interrupted');

  // the interrupted answer can be regenerated; the new version completes beside it
  const again = await second.request(`/api/conversations/${id}/regenerate`, {
    method: 'POST',
    json: { messageId: answer!.id, model: 'openai/fixture-chat' },
  });
  const regenerated = await sseReader(again).all();
  expect(regenerated.at(-1)?.event).toBe('done');
  const after = (await (await second.request(`/api/conversations/${id}/messages`)).json()) as typeof listed;
  expect(after.messages.map((m) => [m.role, m.status])).toEqual([
    ['user', 'complete'],
    ['assistant', 'interrupted'],
    ['assistant', 'complete'],
  ]);
  second.child.kill('SIGTERM');
}, 400_000);
