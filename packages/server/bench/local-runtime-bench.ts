import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaChat, LlamaLogLevel } from 'node-llama-cpp';
import { loadConfig } from '../src/config';
import { LocalRuntime, listLocalModels } from '../src/local/local-runtime';
import { threadsForModel } from '../src/local/physical-cores';
import { tinyGgufPath } from '../test/fixtures/tiny-gguf';

const tokens = 128;
const repetitions = 9;
const prompt = 'Tell me about the bridge.';

interface Sample {
  seconds: number;
  firstTokenMs: number;
  tokens: number;
}

/**
 * Cost of Qiao's wrapper (queue, chat-history mapping, AI SDK stream parts) over calling
 * node-llama-cpp directly: same GGUF, threads, context size, prompt, seed and N, the two
 * paths interleaved (alternating which goes first) so machine load hits both alike.
 */
export async function benchLocalRuntime(): Promise<string> {
  const path = tinyGgufPath();
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-bench-'));
  const config = loadConfig({ QIAO_DATA_DIR: dataDir, QIAO_LOCAL_MODEL: path }, { ensureSecret: false });
  const threads = threadsForModel(statSync(path).size, config.localThreads);
  const runtime = new LocalRuntime(config);
  const model = runtime.languageModel(listLocalModels(config)[0]!.id);

  const viaRuntime = async (seed: number): Promise<Sample> => {
    const start = performance.now();
    let first = 0;
    let count = 0;
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      maxOutputTokens: tokens,
      seed,
    });
    for await (const part of stream) {
      if (part.type === 'text-delta' && !first) first = performance.now() - start;
      if (part.type === 'finish') count = part.usage.outputTokens.total ?? 0;
    }
    return { seconds: (performance.now() - start) / 1000, firstTokenMs: first, tokens: count };
  };

  const llama = await getLlama({
    gpu: false,
    build: 'never',
    logLevel: LlamaLogLevel.error,
    maxThreads: threads,
  });
  const direct = await llama.loadModel({ modelPath: path });
  const context = await direct.createContext({ contextSize: { max: 8192 }, threads, sequences: 1 });
  const chat = new LlamaChat({ contextSequence: context.getSequence(), autoDisposeSequence: false });
  const viaDirect = async (seed: number): Promise<Sample> => {
    const start = performance.now();
    let first = 0;
    const before = chat.sequence.tokenMeter.getState();
    await chat.generateResponse(
      [
        { type: 'user', text: prompt },
        { type: 'model', response: [] },
      ],
      {
        maxTokens: tokens,
        temperature: 0.7,
        seed,
        onTextChunk: () => {
          if (!first) first = performance.now() - start;
        },
      },
    );
    const count = chat.sequence.tokenMeter.diff(before).usedOutputTokens;
    return { seconds: (performance.now() - start) / 1000, firstTokenMs: first, tokens: count };
  };

  try {
    await viaRuntime(0);
    await viaDirect(0);
    const runtimeSamples: Sample[] = [];
    const directSamples: Sample[] = [];
    for (let rep = 1; rep <= repetitions; rep++) {
      // alternate which path goes first so neither always runs on a warmer cache
      if (rep % 2) runtimeSamples.push(await viaRuntime(rep));
      directSamples.push(await viaDirect(rep));
      if (!(rep % 2)) runtimeSamples.push(await viaRuntime(rep));
    }
    const rt = summarize(runtimeSamples);
    const dt = summarize(directSamples);
    return [
      `Local runtime on the tiny GGUF (${(statSync(path).size / 1024).toFixed(0)} KB, ${threads} thread(s), N=${tokens}, median of ${repetitions} interleaved runs)`,
      '',
      '| path | tokens/s | first token (ms) | ratio vs direct (tokens/s) |',
      '|---|---:|---:|---:|',
      `| node-llama-cpp direct (LlamaChat.generateResponse) | ${dt.rate.toFixed(1)} | ${dt.firstMs.toFixed(1)} | 1.00 |`,
      `| LocalRuntime.languageModel().doStream | ${rt.rate.toFixed(1)} | ${rt.firstMs.toFixed(1)} | ${(rt.rate / dt.rate).toFixed(2)} |`,
    ].join('\n');
  } finally {
    await llama.dispose();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarize(samples: Sample[]): { rate: number; firstMs: number } {
  return {
    rate: median(samples.map((sample) => sample.tokens / sample.seconds)),
    firstMs: median(samples.map((sample) => sample.firstTokenMs)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
