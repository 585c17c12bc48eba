/**
 * Reads `source` to its end as fast as it produces, buffering for a slower reader. A chat turn
 * must reach its save even when nobody is reading: a stop request from another tab waits for
 * the stored partial answer, and a turn parked at a `yield` behind a full socket (or an unread
 * test stream) would never get there. A turn's events are bounded by the answer's length, so
 * the buffer is too.
 */
export function runAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const buffer: IteratorResult<T>[] = [];
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    try {
      for await (const value of source) {
        buffer.push({ value, done: false });
        notify();
      }
    } catch (error) {
      failure = { error };
    }
    buffer.push({ value: undefined, done: true });
    notify();
  })();

  return (async function* read() {
    for (;;) {
      const next = buffer.shift();
      if (next === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (!next.done) {
        yield next.value;
        continue;
      }
      if (failure) throw failure.error;
      return;
    }
  })();
}
