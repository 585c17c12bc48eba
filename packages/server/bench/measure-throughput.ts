import type { Side } from './measure-ttft';
import { peakRssDuring } from './read-rss';
import { type LoadResult, runLoad, sumLoad } from './run-load';

export interface ThroughputPair {
  direct: LoadResult;
  qiao: LoadResult;
  /** Qiao's peak RSS while it carried the load */
  peakMiB: number;
}

/**
 * Direct and through-Qiao load at one concurrency, in two rounds with the order swapped
 * (direct, Qiao, Qiao, direct) so neither side always runs on a warmer machine.
 */
export async function measureThroughput(
  direct: Side,
  qiao: Side,
  options: { concurrency: number; sliceMs: number; qiaoPid: number },
): Promise<ThroughputPair> {
  const { concurrency, sliceMs, qiaoPid } = options;
  let d: LoadResult | undefined;
  let q: LoadResult | undefined;
  let peakMiB = Number.NaN;
  for (const order of [
    ['direct', 'qiao'],
    ['qiao', 'direct'],
  ]) {
    for (const side of order) {
      if (side === 'direct') {
        const result = await runLoad(direct.target, direct.model, concurrency, sliceMs);
        d = d ? sumLoad(d, result) : result;
      } else {
        const run = () => runLoad(qiao.target, qiao.model, concurrency, sliceMs);
        const { result, peakMiB: peak } = await peakRssDuring(qiaoPid, run);
        q = q ? sumLoad(q, result) : result;
        if (peak > peakMiB || Number.isNaN(peakMiB)) peakMiB = peak;
      }
    }
  }
  return { direct: d!, qiao: q!, peakMiB };
}
