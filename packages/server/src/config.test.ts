import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { loadConfig } from './config';

test('defaults are the embedded, loopback-only setup', () => {
  const config = loadConfig({ QIAO_SECRET: 'x'.repeat(32) });
  expect(config.port).toBe(3000);
  expect(config.host).toBe('127.0.0.1');
  expect(config.databaseUrl).toBeUndefined();
  expect(config.providers).toEqual({});
});

test('provider keys, base URLs, aliases and custom providers are read', () => {
  const config = loadConfig({
    QIAO_SECRET: 'x'.repeat(32),
    DEEPSEEK_API_KEY: 'sk-1',
    OLLAMA_BASE_URL: 'http://127.0.0.1:11434/v1',
    QIAO_MODEL_ALIASES: '{"fast":"deepseek/deepseek-chat","safe":["openai/gpt-4o","deepseek/deepseek-chat"]}',
    QIAO_PROVIDERS: '[{"id":"vllm","baseUrl":"http://127.0.0.1:8000/v1"}]',
  });
  expect(config.providers.deepseek).toEqual({ apiKey: 'sk-1', baseUrl: undefined });
  expect(config.providers.ollama?.baseUrl).toBe('http://127.0.0.1:11434/v1');
  expect(config.aliases).toEqual({
    fast: ['deepseek/deepseek-chat'],
    safe: ['openai/gpt-4o', 'deepseek/deepseek-chat'],
  });
  expect(config.customProviders[0]).toMatchObject({ id: 'vllm', kind: 'openai-compatible' });
});

test.each([
  [{ PORT: 'abc' }, /PORT/],
  [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
  [{ QIAO_MODEL_ALIASES: '{oops' }, /QIAO_MODEL_ALIASES is not valid JSON/],
  [{ OPENAI_BASE_URL: 'ftp://x' }, /OPENAI_BASE_URL must be an http/],
])('a bad value is one clear line: %o', (env, message) => {
  expect(() => loadConfig({ QIAO_SECRET: 'x'.repeat(32), ...env })).toThrow(message);
  try {
    loadConfig({ QIAO_SECRET: 'x'.repeat(32), ...env });
  } catch (error) {
    expect(String((error as Error).message)).not.toContain('\n');
  }
});

test('a secret is generated once into the data dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qiao-config-'));
  const first = loadConfig({ QIAO_DATA_DIR: dir }).secret;
  expect(first.length).toBeGreaterThanOrEqual(32);
  expect(loadConfig({ QIAO_DATA_DIR: dir }).secret).toBe(first);
  expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(first);
});

test('commands starting at once on a new data dir agree on one secret', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qiao-config-race-'));
  const configModule = fileURLToPath(new URL('./config.ts', import.meta.url));
  const script = `const { loadConfig } = await import(${JSON.stringify(configModule)});
process.stdout.write(loadConfig({ QIAO_DATA_DIR: ${JSON.stringify(dir)} }).secret);`;
  const run = () =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  const secrets = (await Promise.all(Array.from({ length: 6 }, run))).map((r) => r.stdout);
  expect(new Set(secrets).size).toBe(1);
  expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(secrets[0]);
  expect(readdirSync(dir)).toEqual(['secret']);
}, 60_000);
