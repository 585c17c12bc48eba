import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collect, runQiao, startQiao, waitForOutput } from '../../test/helpers/spawn-qiao';

// one data dir for the whole story: every embedded-database start costs seconds
const dataDir = mkdtempSync(join(tmpdir(), 'qiao-kb-cli-'));
const env = { QIAO_DATA_DIR: dataDir, QIAO_LOG_LEVEL: 'warn' };
const docs = join(dataDir, 'docs');

beforeAll(async () => {
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
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
}, 180_000);

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
    const deleted = await runQiao(['kb', 'delete', 'support'], env);
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted knowledge base "support"\n' });
  } finally {
    server.kill('SIGTERM');
  }
  expect((await exited).code).toBe(0);
}, 180_000);
