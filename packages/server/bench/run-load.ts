import { type StreamTarget, streamCompletion } from './stream-request';

export interface LoadResult {
  completed: number;
  failed: number;
  tokens: number;
  seconds: number;
  streamsPerSecond: number;
  tokensPerSecond: number;
}

/**
 * Closed loop: `concurrency` workers each start a new stream as soon as theirs ends, until
 * `durationMs` is over; streams in flight then finish and count.
 */
export async function runLoad(
  target: StreamTarget,
  model: string,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + durationMs;
  let completed = 0;
  let failed = 0;
  let tokens = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const result = await streamCompletion(target, model);
      if (result.ok) {
        completed++;
        tokens += result.tokens;
      } else {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    completed,
    failed,
    tokens,
    seconds,
    streamsPerSecond: completed / seconds,
    tokensPerSecond: tokens / seconds,
  };
}

/** Adds two results measured in separate rounds. */
export function sumLoad(a: LoadResult, b: LoadResult): LoadResult {
  const seconds = a.seconds + b.seconds;
  const completed = a.completed + b.completed;
  const tokens = a.tokens + b.tokens;
  return {
    completed,
    failed: a.failed + b.failed,
    tokens,
    seconds,
    streamsPerSecond: completed / seconds,
    tokensPerSecond: tokens / seconds,
  };
}
