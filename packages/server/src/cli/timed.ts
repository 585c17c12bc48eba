export interface Timed<T> {
  ms: number;
  value?: T;
  error?: string;
}

/** Runs a check and keeps its duration and outcome; doctor reports failures instead of stopping. */
export async function timed<T>(check: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const value = await check();
    return { ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return {
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
