import { type StreamTarget, streamCompletion } from './stream-request';

export interface TtftSamples {
  direct: number[];
  qiao: number[];
  failed: number;
}

export interface Side {
  target: StreamTarget;
  model: string;
}

/**
 * One stream at a time, alternating direct and through-Qiao (and which goes first), so that
 * drift in machine load hits both sides alike. Bounded by count and by time.
 */
export async function measureTtft(
  direct: Side,
  qiao: Side,
  options: { warmup: number; pairs: number; maxMs: number; onWarm?: () => void },
): Promise<TtftSamples> {
  const samples: TtftSamples = { direct: [], qiao: [], failed: 0 };
  const deadline = performance.now() + options.maxMs;
  for (let i = 0; i < options.warmup + options.pairs && performance.now() < deadline; i++) {
    if (i === options.warmup) options.onWarm?.();
    const order: ['direct' | 'qiao', Side][] = [
      ['direct', direct],
      ['qiao', qiao],
    ];
    if (i % 2 === 1) order.reverse();
    for (const [name, side] of order) {
      const result = await streamCompletion(side.target, side.model);
      if (i < options.warmup) continue;
      if (result.ok) samples[name].push(result.ttftMs);
      else samples.failed++;
    }
  }
  return samples;
}
