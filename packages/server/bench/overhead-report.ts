import { cpus, loadavg } from 'node:os';
import { fixed, markdownTable, ms, percent } from './markdown-table';
import type { ThroughputPair } from './measure-throughput';
import type { TtftSamples } from './measure-ttft';
import { percentile } from './stats';

export const targets = { medianAddedMs: 2, p99AddedMs: 10, throughputRatio: 0.8 };

export interface ThroughputRow {
  label: string;
  pair: ThroughputPair;
  /** compared against targets.throughputRatio */
  hasTarget: boolean;
}

export interface OverheadFigures {
  ttft: TtftSamples;
  /** CPU time per stream during the TTFT phase: Qiao (server + database process), the upstream */
  cpu: { qiaoMs: number; upstreamMs: number };
  throughput: ThroughputRow[];
  sliceMs: number;
  rss: { idleMiB: number; peakMiB: number; afterMiB: number };
}

const verdict = (met: boolean) => (met ? 'met' : 'missed');

/** The gateway-overhead section of `npm run bench`, every figure beside its same-run baseline. */
export function overheadReport({ ttft, cpu, throughput, sliceMs, rss }: OverheadFigures): string {
  const ttftRows = [50, 95, 99].map((q) => {
    const direct = percentile(ttft.direct, q);
    const qiao = percentile(ttft.qiao, q);
    const added = qiao - direct;
    const limit = q === 50 ? targets.medianAddedMs : q === 99 ? targets.p99AddedMs : undefined;
    const target = limit === undefined ? '—' : `≤ ${limit} ms ${verdict(added <= limit)}`;
    return [`p${q}`, ms(direct), ms(qiao), ms(added), target];
  });

  const throughputRows = throughput.map(({ label, pair, hasTarget }) => {
    const ratio = pair.qiao.tokensPerSecond / pair.direct.tokensPerSecond;
    const target = hasTarget
      ? `≥ ${percent(targets.throughputRatio)} ${verdict(ratio >= targets.throughputRatio)}`
      : '—';
    return [
      label,
      fixed(pair.direct.streamsPerSecond),
      fixed(pair.qiao.streamsPerSecond),
      fixed(pair.direct.tokensPerSecond, 0),
      fixed(pair.qiao.tokensPerSecond, 0),
      percent(ratio),
      target,
      String(pair.direct.failed + pair.qiao.failed),
    ];
  });

  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  return [
    '## Gateway overhead (loopback, fixture upstream)',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, load average ${load} at the end. Client, fixture and Qiao share it.`,
    '',
    `### Time to first token (${ttft.direct.length} + ${ttft.qiao.length} streams, one at a time, interleaved; failed: ${ttft.failed})`,
    '',
    markdownTable(['percentile', 'direct', 'via Qiao', 'added', 'target'], ttftRows),
    '',
    `CPU time per measured stream (after the warm-up): Qiao ${ms(cpu.qiaoMs)} (server + database process), the fixture upstream ${ms(cpu.upstreamMs)} (ratio ${fixed(cpu.qiaoMs / cpu.upstreamMs, 1)}×). CPU time barely moves with machine load, so it is the steadier figure when the latency rows are noisy.`,
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
      throughputRows,
    ),
    '',
    '### Qiao server memory (VmRSS, server + its database process)',
    '',
    markdownTable(
      ['state', 'RSS'],
      [
        ['idle, after start', `${fixed(rss.idleMiB)} MiB`],
        ['peak under 128 paced streams', `${fixed(rss.peakMiB)} MiB`],
        ['after the runs', `${fixed(rss.afterMiB)} MiB`],
      ],
    ),
  ].join('\n');
}
