import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { collect, runQiao, startQiao, waitForOutput } from '../../test/helpers/spawn-qiao';
import { belowThresholdMark } from './kb-command';

// one data dir for the whole story: every embedded-database start costs seconds
const dataDir = mkdtempSync(join(tmpdir(), 'qiao-kb-cli-'));
let fixture: OpenAIFixture;
let env: Record<string, string> = { QIAO_DATA_DIR: dataDir, QIAO_LOG_LEVEL: 'warn' };
const docs = join(dataDir, 'docs');
// the refund passage covers it; the setup note only by its one English word, far below 0.2
const mixedQuery = '购买后多久可以申请全额退款 setup';

beforeAll(async () => {
  // `qiao chat --kb` needs a model: `fixture-cite` answers from the passages, citing [n]
  fixture = await startOpenAIFixture();
  env = { ...env, OPENAI_BASE_URL: fixture.url, OPENAI_API_KEY: 'fixture-key' };
  const { mkdirSync } = await import('node:fs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'refund.md'), '# 售后\n\n## 退款\n\n购买后三十天内可以申请全额退款。\n');
  writeFileSync(join(docs, 'setup.txt'), 'Install with the setup script. It takes five minutes.\n');
  writeFileSync(join(docs, 'junk.pdf'), Buffer.from([0, 1, 2, 3, 0, 0, 9]));
  const admin = await runQiao(
    ['users', 'create', '--name', 'admin', '--password', 'correct horse', '--admin'],
    env,
  );
  expect(admin.code).toBe(0);
}, 240_000);
afterAll(async () => {
  await fixture?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `kb search` text: relevance 0–1 per passage, and the below-threshold mark where chat would drop it */
function expectMarkedSearch(stdout: string) {
  expect(stdout).toMatch(/^relevance 0–1; chat uses passages at or above 0\.20$/m);
  const rows = stdout.split('\n').filter((line) => /^\[\d+\] /.test(line));
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const row of rows) expect(row).toMatch(/^\[\d+\] (0\.\d\d|1\.00) {2}/);
  const refund = rows.find((row) => row.includes('售后'))!;
  const setup = rows.find((row) => row.includes('setup'))!;
  expect(refund).not.toContain(belowThresholdMark);
  expect(setup).toContain(`[${belowThresholdMark}]`);
}

/** `kb search --json`: relevance and passesThreshold next to the old fields */
function expectJsonThreshold(stdout: string) {
  const hits = JSON.parse(stdout) as {
    text: string;
    relevance: number;
    passesThreshold: boolean;
    score: number;
  }[];
  const refund = hits.find((hit) => hit.text.includes('全额退款'))!;
  const setup = hits.find((hit) => hit.text.includes('setup script'))!;
  expect(refund).toMatchObject({ passesThreshold: true, score: expect.any(Number) });
  expect(refund.relevance).toBeGreaterThanOrEqual(0.2);
  expect(refund.relevance).toBeLessThanOrEqual(1);
  expect(setup.passesThreshold).toBe(false);
  expect(setup.relevance).toBeLessThan(0.2);
}

/** `chat --kb`: the answer cites [1], then the numbered sources it was given */
function expectGroundedChat(result: { code: number | null; stdout: string; stderr: string }) {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const [answer, sources] = result.stdout.split('\nSources:\n');
  expect(answer).toContain('三十天');
  expect(answer).toContain('[1]');
  expect(sources).toMatch(
    /^\[1\] 售后 · 售后 › 退款 {2}\(relevance (0\.\d\d|1\.00)\)\n {4}.*三十天内可以申请全额退款/,
  );
  // only passages above the threshold reach a chat: the setup note is not a source
  expect(sources).not.toContain('setup');
}

test('kb create / ingest / search work straight on the embedded database', async () => {
  expect(await runQiao(['kb', 'create', 'support'], env)).toMatchObject({ code: 0, stderr: '' });
  const ingest = await runQiao(
    ['kb', 'ingest', '--kb', 'support', join(docs, 'refund.md'), join(docs, 'setup.txt')],
    env,
  );
  expect(ingest.stderr).toBe('');
  expect(ingest.stdout).toMatch(/^ready +refund\.md \(\d+ chunks\)$/m);
  expect(ingest.code).toBe(0);

  const search = await runQiao(
    ['kb', 'search', '--kb', 'support', '--top-k', '1', '--json', '怎么退款'],
    env,
  );
  expect(search.code).toBe(0);
  const hits = JSON.parse(search.stdout);
  expect(hits).toHaveLength(1);
  expect(hits[0]).toMatchObject({ source: { document: '售后', heading: '售后 › 退款' } });
  expect(hits[0].text).toContain('全额退款');
  expect(typeof hits[0].score).toBe('number');

  // one at a time: each opens the embedded database under the data-dir lock
  const text = await runQiao(['kb', 'search', '--kb', 'support', mixedQuery], env);
  expectMarkedSearch(text.stdout);
  const json = await runQiao(['kb', 'search', '--kb', 'support', '--json', mixedQuery], env);
  expectJsonThreshold(json.stdout);
  expectGroundedChat(
    await runQiao(['chat', '--model', 'openai/fixture-cite', '--kb', 'support', mixedQuery], env),
  );
}, 480_000);

test('while `qiao serve` runs, kb commands go through it', async () => {
  const server = startQiao(['serve', '--port', '0'], env);
  const exited = collect(server);
  try {
    await waitForOutput(server, /Qiao listening on/);
    const junk = await runQiao(['kb', 'ingest', '--kb', 'support', join(docs, 'junk.pdf')], env);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('not a PDF');
    const again = await runQiao(['kb', 'ingest', '--kb', 'support', join(docs, 'refund.md')], env);
    expect(again.stderr).toContain('skipped');
    const [list, search] = await Promise.all([
      runQiao(['kb', 'list'], env),
      runQiao(['kb', 'search', '--kb', 'support', '--json', 'setup script'], env),
    ]);
    expect(list.stdout).toMatch(/^support\t2 documents\t\d+ chunks$/m);
    expect(JSON.parse(search.stdout)[0].text).toContain('setup script');
    const [text, json, chat, unknown] = await Promise.all([
      runQiao(['kb', 'search', '--kb', 'support', mixedQuery], env),
      runQiao(['kb', 'search', '--kb', 'support', '--json', mixedQuery], env),
      runQiao(['chat', '--model', 'openai/fixture-cite', '--kb', 'support', mixedQuery], env),
      runQiao(['chat', '--kb', 'nope', 'hi'], env),
    ]);
    expectMarkedSearch(text.stdout);
    expectJsonThreshold(json.stdout);
    expectGroundedChat(chat);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No knowledge base named "nope"');
    const deleted = await runQiao(['kb', 'delete', 'support'], env);
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted knowledge base "support"\n' });
  } finally {
    server.kill('SIGTERM');
  }
  expect((await exited).code).toBe(0);
}, 360_000);
