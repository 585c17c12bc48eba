import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyGgufPath, writeBrokenGguf } from '../../test/fixtures/tiny-gguf';
import { type Config, loadConfig } from '../config';
import { LocalRuntime, listLocalModels } from './local-runtime';

const user = (text: string): LanguageModelV3CallOptions['prompt'] => [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: [{ type: 'text', text }] },
];

async function collect(
  stream: ReadableStream<LanguageModelV3StreamPart>,
): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const textOf = (parts: LanguageModelV3StreamPart[]) =>
  parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');

describe('LocalRuntime on the tiny GGUF', () => {
  let config: Config;
  let runtime: LocalRuntime;
  let id: string;

  beforeAll(() => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qiao-local-'));
    mkdirSync(join(dataDir, 'models'));
    writeBrokenGguf(join(dataDir, 'models', 'random.gguf'), 'random-bytes');
    config = loadConfig(
      { QIAO_DATA_DIR: dataDir, QIAO_LOCAL_MODEL: tinyGgufPath() },
      { ensureSecret: false },
    );
    runtime = new LocalRuntime(config);
    id = listLocalModels(config)[0]!.id;
  });
  afterAll(() => runtime.close());

  it('lists the configured model and pulled files as local/<name>', () => {
    expect(listLocalModels(config).map((model) => model.id)).toEqual([id, 'local/random']);
    expect(id).toMatch(/^local\/tiny-/);
    expect(() => runtime.languageModel('local/nope')).toThrow(
      expect.objectContaining({ code: 'model_not_found' }),
    );
  });

  it('streams text parts and a finish with usage', async () => {
    const { stream } = await runtime
      .languageModel(id)
      .doStream({ prompt: user('hello world'), maxOutputTokens: 12, seed: 1 });
    const parts = await collect(stream);
    const types = parts.map((part) => part.type);
    expect(types[0]).toBe('stream-start');
    expect(types.indexOf('text-start')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.at(-2)).toBe('text-end');
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: { unified: 'length', raw: 'maxTokens' } });
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.usage.inputTokens.total).toBeGreaterThan(5);
    expect(finish.usage.outputTokens.total).toBe(12);
    expect(textOf(parts).length).toBeGreaterThan(0);
  });

  it('stops generating when the caller aborts, and serves the next request', async () => {
    const abort = new AbortController();
    const model = runtime.languageModel(id);
    const { stream } = await model.doStream({
      prompt: user('go on'),
      maxOutputTokens: 400,
      abortSignal: abort.signal,
    });
    let deltas = 0;
    const reading = (async () => {
      for await (const part of stream) {
        if (part.type === 'text-delta' && ++deltas === 3) abort.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
    expect(deltas).toBeLessThan(10);
    const next = await model.doGenerate({ prompt: user('again'), maxOutputTokens: 3 });
    expect(next.usage.outputTokens.total).toBe(3);
  });

  it('keeps concurrent requests apart', async () => {
    const model = runtime.languageModel(id);
    const call = (text: string) =>
      model.doGenerate({ prompt: user(text), maxOutputTokens: 8, seed: 5, temperature: 0.8 });
    const alone = await call('first');
    const [together] = await Promise.all([call('first'), call('second request')]);
    expect(together.content).toEqual(alone.content);
  });

  it('constrains output to a JSON schema, and stops at stop sequences', async () => {
    const schema = {
      type: 'object',
      properties: { ok: { type: 'boolean' }, color: { type: 'string', enum: ['red', 'green'] } },
      required: ['ok', 'color'],
      additionalProperties: false,
    } as const;
    const model = runtime.languageModel(id);
    const result = await model.doGenerate({
      prompt: user('json'),
      responseFormat: { type: 'json', schema },
      seed: 2,
    });
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    const value = JSON.parse(text);
    expect(typeof value.ok).toBe('boolean');
    expect(['red', 'green']).toContain(value.color);
    expect(result.finishReason.unified).toBe('stop');

    const stopped = await model.doGenerate({
      prompt: user('json'),
      responseFormat: { type: 'json', schema },
      stopSequences: [':'],
    });
    const partial = stopped.content[0]?.type === 'text' ? stopped.content[0].text : '';
    expect(partial).toMatch(/^\{\s*"(ok|color)"$/);
    expect(stopped.finishReason).toEqual({ unified: 'stop', raw: 'customStopTrigger' });
  });

  it('embeds with the model dimension', async () => {
    const result = await runtime.embeddingModel(id).doEmbed({ values: ['hello world', 'local bridge'] });
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[0]).toHaveLength(64);
    expect(result.embeddings[0]).not.toEqual(result.embeddings[1]);
    expect(result.usage?.tokens).toBeGreaterThan(2);
  });

  it('turns a file that is not a GGUF into a clear error', async () => {
    const call = runtime.languageModel('local/random').doStream({ prompt: user('hi') });
    await expect(call).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('random.gguf is not a usable GGUF model'),
    });
  });

  it('rejects a GGUF llama.cpp would abort on, before llama.cpp sees it (in a child process)', async () => {
    // A regression here would abort the whole process, so it must not be the test worker.
    const dataDir = mkdtempSync(join(tmpdir(), 'qiao-broken-'));
    const path = join(dataDir, 'models', 'no-ffn.gguf');
    writeBrokenGguf(path, 'missing-feed-forward');
    const script = `
      import { loadConfig } from ${JSON.stringify(resolve(import.meta.dirname, '../config.ts'))};
      import { LocalRuntime } from ${JSON.stringify(resolve(import.meta.dirname, 'local-runtime.ts'))};
      const runtime = new LocalRuntime(loadConfig({ QIAO_DATA_DIR: ${JSON.stringify(dataDir)} }, { ensureSecret: false }));
      try {
        await runtime.languageModel('local/no-ffn').doStream({ prompt: [] });
        console.log(JSON.stringify({ loaded: true }));
      } catch (error) {
        console.log(JSON.stringify({ code: error.code, message: error.message }));
      }
      await runtime.close();`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: resolve(import.meta.dirname, '../..'), timeout: 30_000 },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      code: 'validation_failed',
      message: 'no-ffn.gguf is not a usable GGUF model: llama.feed_forward_length is missing',
    });
  });
});
