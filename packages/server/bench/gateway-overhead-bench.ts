import { measureThroughput } from './measure-throughput';
import { measureTtft, type Side } from './measure-ttft';
import { overheadReport, type ThroughputRow } from './overhead-report';
import { readCpuMs } from './read-cpu';
import { readRssMiB } from './read-rss';
import { spawnChild } from './spawn-child';
import { keepAliveAgent, type StreamTarget } from './stream-request';

interface FixtureInfo {
  fast: string;
  paced: string;
  tokenDelayMs: number;
}

interface QiaoInfo {
  url: string;
  apiKey: string;
}

// One round of 128 paced streams lasts ~1.3 s and all of them start at once: a 4 s slice was
// mostly that ramp (per-request work), not the steady streaming the target is about.
const sliceMs = Number(process.env.QIAO_BENCH_SLICE_MS ?? 8_000);
const ttftPairs = Number(process.env.QIAO_BENCH_TTFT_PAIRS ?? 400);
// A server runs for days: TTFT is measured once V8 has optimized the request path, not while
// the first requests still run in the interpreter or baseline code. 200 pairs were not enough
// (p50 added 2.4 ms against 1.1 ms after 600, same build, same quiet machine); 1,000 take ~5 s.
const ttftWarmup = Number(process.env.QIAO_BENCH_TTFT_WARMUP ?? 1_000);
const upstreamKey = 'sk-bench-upstream';

/**
 * Gateway overhead on loopback: the same fixture upstream called directly and through a real
 * Qiao server (both in child processes), interleaved so both see the same machine.
 */
export async function benchGatewayOverhead(log: (line: string) => void = console.error): Promise<string> {
  // the embedded defaults, whatever the caller's shell has set
  const env = { ...process.env, DATABASE_URL: undefined, REDIS_URL: undefined };
  const fixture = await spawnChild<FixtureInfo>('./fixture-process.ts', env);
  const qiao = await spawnChild<QiaoInfo>('./qiao-process.ts', {
    ...env,
    OPENAI_BASE_URL: fixture.info.fast,
    OPENAI_API_KEY: upstreamKey,
    QIAO_PROVIDERS: JSON.stringify([{ id: 'paced', baseUrl: fixture.info.paced, apiKey: upstreamKey }]),
    QIAO_LOG_LEVEL: 'warn',
  }).catch(async (error: unknown) => {
    await fixture.stop();
    throw error;
  });
  try {
    const qiaoPid = qiao.process.pid!;
    const agent = keepAliveAgent();
    const fast: StreamTarget = { baseUrl: fixture.info.fast, apiKey: upstreamKey, agent };
    const paced: StreamTarget = { baseUrl: fixture.info.paced, apiKey: upstreamKey, agent };
    const viaQiao: StreamTarget = { baseUrl: `${qiao.info.url}/v1`, apiKey: qiao.info.apiKey, agent };
    const idleMiB = readRssMiB(qiaoPid);

    log(`TTFT: up to ${ttftPairs} interleaved pairs…`);
    const fixturePid = fixture.process.pid!;
    let cpuBefore = { qiao: readCpuMs(qiaoPid), fixture: readCpuMs(fixturePid) };
    const ttft = await measureTtft(
      { target: fast, model: 'fixture-chat' },
      { target: viaQiao, model: 'openai/fixture-chat' },
      {
        warmup: ttftWarmup,
        pairs: ttftPairs,
        maxMs: 60_000,
        onWarm: () => {
          cpuBefore = { qiao: readCpuMs(qiaoPid), fixture: readCpuMs(fixturePid) };
        },
      },
    );
    // Qiao serves only its side; the fixture serves both.
    const streams = ttft.direct.length + ttft.qiao.length + ttft.failed;
    const cpu = {
      qiaoMs: (readCpuMs(qiaoPid) - cpuBefore.qiao) / (streams / 2),
      upstreamMs: (readCpuMs(fixturePid) - cpuBefore.fixture) / streams,
    };

    const pacedLabel = `paced ${fixture.info.tokenDelayMs} ms/token`;
    const levels: { label: string; direct: Side; qiao: Side; concurrency: number; hasTarget: boolean }[] = [
      ...[1, 32, 128].map((concurrency) => ({
        label: `${concurrency}, ${pacedLabel}`,
        direct: { target: paced, model: 'fixture-long-64' },
        qiao: { target: viaQiao, model: 'paced/fixture-long-64' },
        concurrency,
        hasTarget: concurrency === 128,
      })),
      {
        label: '128, unpaced (CPU-bound)',
        direct: { target: fast, model: 'fixture-long-64' },
        qiao: { target: viaQiao, model: 'openai/fixture-long-64' },
        concurrency: 128,
        hasTarget: false,
      },
    ];
    const throughput: ThroughputRow[] = [];
    let peakMiB = Number.NaN;
    for (const level of levels) {
      log(`throughput: ${level.label}…`);
      const pair = await measureThroughput(level.direct, level.qiao, {
        concurrency: level.concurrency,
        sliceMs,
        qiaoPid,
      });
      if (level.hasTarget) peakMiB = pair.peakMiB;
      throughput.push({ label: level.label, pair, hasTarget: level.hasTarget });
    }

    return overheadReport({
      ttft,
      cpu,
      throughput,
      sliceMs,
      rss: { idleMiB, peakMiB, afterMiB: readRssMiB(qiaoPid) },
    });
  } finally {
    await Promise.all([qiao.stop(), fixture.stop()]);
  }
}
