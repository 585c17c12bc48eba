import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { runQiao } from '../../test/helpers/spawn-qiao';

const dataDir = mkdtempSync(join(tmpdir(), 'qiao-agent-cli-'));
let fixture: OpenAIFixture;
let env: Record<string, string>;

beforeAll(async () => {
  fixture = await startOpenAIFixture();
  env = { QIAO_DATA_DIR: dataDir, OPENAI_BASE_URL: fixture.url, OPENAI_API_KEY: 'x', QIAO_LOG_LEVEL: 'warn' };
  await runQiao(['users', 'create', '--name', 'admin', '--password', 'correct horse', '--admin'], env);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('create from one sentence, export, import and list agents from the terminal', async () => {
  const created = await runQiao(
    [
      'agent',
      'create',
      '--idea',
      '帮我做一个陪孩子练英语口语的老师',
      '--model',
      'openai/fixture-agent-draft',
      '--slug',
      'kid-english',
    ],
    env,
  );
  expect(created.code).toBe(0);
  expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'kid-english', name: '英语口语老师', version: 1 });

  const shown = await runQiao(['agent', 'show', 'translator', '--lang', 'en'], env);
  expect(JSON.parse(shown.stdout)).toMatchObject({ slug: 'translator', name: 'Translator', builtIn: true });

  const exported = await runQiao(['agent', 'export', 'kid-english'], env);
  const file = join(dataDir, 'agent.json');
  writeFileSync(file, exported.stdout.replace('"kid-english"', '"kid-english-2"'));
  const imported = await runQiao(['agent', 'import', file], env);
  expect(imported.code).toBe(0);
  expect(imported.stderr).toContain('Imported agent/kid-english-2');

  const list = await runQiao(['agent', 'list', '--json'], env);
  expect(
    JSON.parse(list.stdout)
      .map((a: { slug: string }) => a.slug)
      .sort(),
  ).toEqual(['kid-english', 'kid-english-2']);
  const plaza = await runQiao(['agent', 'list', '--plaza', '--lang', 'en'], env);
  expect(plaza.stdout).toContain('agent/contract-review');
}, 300_000);

test('a broken agent file fails with one readable line and a non-zero exit', async () => {
  const file = join(dataDir, 'broken.json');
  writeFileSync(file, JSON.stringify({ format: 'qiao.agent/v1', agent: { name: '' } }));
  const result = await runQiao(['agent', 'import', file], env);
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/agent\.name/);
}, 60_000);
