import { AppError } from '@qiao/core';

/**
 * One job at a time, first come first served. A llama.cpp context sequence holds one KV
 * cache and two cores have no spare compute, so requests to one model take turns; a
 * waiter whose signal aborts leaves the line without running.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(cancelled(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      previous.then(async () => {
        signal?.removeEventListener('abort', onAbort);
        try {
          if (signal?.aborted) throw cancelled(signal);
          resolve(await job());
        } catch (error) {
          reject(error);
        } finally {
          release();
        }
      });
    });
  }
}

export function cancelled(signal?: AbortSignal): AppError {
  return new AppError('cancelled', 'The request was cancelled', { cause: signal?.reason });
}
