let running = 0;
const waiting: (() => void)[] = [];

/**
 * Waits for one of `concurrency` parser slots of this server and returns its release: parsers
 * use memory and a core each, so concurrent uploads queue here instead of multiplying them.
 */
export async function parseSlot(concurrency: number, signal?: AbortSignal): Promise<() => void> {
  while (running >= concurrency) {
    signal?.throwIfAborted();
    await new Promise<void>((resolve) => {
      const wake = () => {
        signal?.removeEventListener('abort', wake);
        const at = waiting.indexOf(wake);
        if (at >= 0) waiting.splice(at, 1);
        resolve();
      };
      waiting.push(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
  signal?.throwIfAborted();
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    waiting.shift()?.();
  };
}
