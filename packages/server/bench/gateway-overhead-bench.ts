import { cpus } from 'node:os';
import { fixed, markdownTable, ms, percent } from './markdown-table';
import { measureTtft } from './measure-ttft';
import { peakRssDuring, readRssMiB } from './read-rss';
import { type LoadResult, runLoad, sumLoad } from './run-load';
import { spawnChild } from './spawn-child';
import { percentile } from './stats';
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

const targets = { medianAddedMs: 2, p99AddedMs: 10, throughputRatio: 0.8 };
const sliceMs = Number(process.env.QIAO_BENCH_SLICE_MS ?? 4_000);
const ttftPairs = Number(process.env.QIAO_BENCH_TTFT_PAIRS ?? 400);

/**
 * Gateway overhead on loopback: the same fixture upstream called directly and through a real
 * Qiao server (both in child processes), interleaved so both see the same machine.
 */
export async function benchGatewayOverhead(log: (line: string) => void = console.error): Promise<string> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const fixture = await spawnChild<FixtureInfo>('./fixture-process.ts', env);
  const qiao = await spawnChild<QiaoInfo>('./qiao-process.ts', {
    ...env,
    OPENAI_BASE_URL: fixture.info.fast,
    OPENAI_API_KEY: 'sk-bench-upstream',
    QIAO_PROVIDERS: JSON.stringify([
      { id: 'paced', baseUrl: fixture.info.paced, apiKey: 'sk-bench-upstream' },
    ]),
    QIAO_LOG_LEVEL: 'warn',
  });
  try {
    const pid = qiao.process.pid!;
    const agent = keepAliveAgent();
    const fast: StreamTarget = { baseUrl: fixture.info.fast, apiKey: 'sk-bench-upstream', agent };
    const paced: StreamTarget = { baseUrl: fixture.info.paced, apiKey: 'sk-bench-upstream', agent };
    const viaQiao: StreamTarget = { baseUrl: `${qiao.info.url}/v1`, apiKey: qiao.info.apiKey, agent };
    const idleMiB = readRssMiB(pid);

    log(`TTFT: up to ${ttftPairs} interleaved pairs…`);
    const ttft = await measureTtft(
      { target: fast, model: 'fixture-chat' },
      { target: viaQiao, model: 'openai/fixture-chat' },
      { warmup: 40, pairs: ttftPairs, maxMs: 40_000 },
    );

    const load = async (direct: StreamTarget, viaModel: string, model: string, concurrency: number) => {
      let d: LoadResult | undefined;
      let q: LoadResult | undefined;
      let peak = Number.NaN;
      for (let round = 0; round < 2; round++) {
        const order = round === 0 ? ['direct', 'qiao'] : ['qiao', 'direct'];
        for (const side of order) {
          if (side === 'direct') {
            const r = await runLoad(direct, model, concurrency, sliceMs);
            d = d ? sumLoad(d, r) : r;
          } else {
            const { result, peakMiB } = await peakRssDuring(pid, () =>
              runLoad(viaQiao, viaModel, concurrency, sliceMs),
            );
            q = q ? sumLoad(q, result) : result;
            if (!(peakMiB <= peak)) peak = peakMiB;
          }
        }
      }
      return { direct: d!, qiao: q!, peakMiB: peak };
    };

    const rows: string[][] = [];
    let peak128 = Number.NaN;
    const levels: [string, StreamTarget, string, number][] = [
      [`paced ${fixture.info.tokenDelayMs} ms/token`, paced, 'paced/fixture-long-64', 1],
      [`paced ${fixture.info.tokenDelayMs} ms/token`, paced, 'paced/fixture-long-64', 32],
      [`paced ${fixture.info.tokenDelayMs} ms/token`, paced, 'paced/fixture-long-64', 128],
      ['unpaced (CPU-bound)', fast, 'openai/fixture-long-64', 128],
    ];
    for (const [label, direct, viaModel, concurrency] of levels) {
      log(`throughput: ${concurrency} streams, ${label}…`);
      const r = await load(direct, viaModel, 'fixture-long-64', concurrency);
      if (concurrency === 128 && direct === paced) peak128 = r.peakMiB;
      const ratio = r.qiao.tokensPerSecond / r.direct.tokensPerSecond;
      const target = concurrency === 128 && direct === paced ? `≥ ${percent(targets.throughputRatio)}` : '—';
      rows.push([
        `${concurrency}, ${label}`,
        fixed(r.direct.streamsPerSecond),
        fixed(r.qiao.streamsPerSecond),
        fixed(r.direct.tokensPerSecond, 0),
        fixed(r.qiao.tokensPerSecond, 0),
        percent(ratio),
        target,
        String(r.direct.failed + r.qiao.failed),
      ]);
    }
    const afterMiB = readRssMiB(pid);

    const p = (samples: number[], q: number) => percentile(samples, q);
    const ttftRows = [50, 95, 99].map((q) => {
      const added = p(ttft.qiao, q) - p(ttft.direct, q);
      const target =
        q === 50 ? `≤ ${targets.medianAddedMs} ms` : q === 99 ? `≤ ${targets.p99AddedMs} ms` : '—';
      const met =
        q === 50 ? added <= targets.medianAddedMs : q === 99 ? added <= targets.p99AddedMs : undefined;
      return [
        `p${q}`,
        ms(p(ttft.direct, q)),
        ms(p(ttft.qiao, q)),
        ms(added),
        target,
        met === undefined ? '' : met ? 'met' : 'missed',
      ];
    });

    return [
      '## Gateway overhead (loopback, fixture upstream)',
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}. Client, fixture and Qiao share it.`,
      '',
      `### Time to first token (${ttft.direct.length} + ${ttft.qiao.length} streams, one at a time, interleaved; failed: ${ttft.failed})`,
      '',
      markdownTable(['percentile', 'direct', 'via Qiao', 'added', 'target', ''], ttftRows),
      '',
      `### Throughput (fixture-long-64, closed loop, 2 × ${sliceMs / 1000} s per side, interleaved)`,
      '',
      markdownTable(
        [
          'concurrent streams',
          'direct streams/s',
          'Qiao streams/s',
          'direct tokens/s',
          'Qiao tokens/s',
          'Qiao / direct',
          'target',
          'failed',
        ],
        rows,
      ),
      '',
      '### Qiao server memory (VmRSS)',
      '',
      markdownTable(
        ['state', 'RSS'],
        [
          ['idle, after start', `${fixed(idleMiB)} MiB`],
          ['peak under 128 paced streams', `${fixed(peak128)} MiB`],
          ['after the runs', `${fixed(afterMiB)} MiB`],
        ],
      ),
    ].join('\n');
  } finally {
    await Promise.all([qiao.stop(), fixture.stop()]);
  }
}
