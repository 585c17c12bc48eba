import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { physicalCoreCount, threadsForModel } from './physical-cores';

describe('threads for llama.cpp', () => {
  it('counts physical cores within what the process may use', () => {
    expect(physicalCoreCount()).toBeGreaterThanOrEqual(1);
    expect(physicalCoreCount()).toBeLessThanOrEqual(availableParallelism());
  });

  it('gives tiny models one thread, real ones the cores, and obeys QIAO_LOCAL_THREADS', () => {
    expect(threadsForModel(500_000, undefined)).toBe(1);
    expect(threadsForModel(4e9, undefined)).toBe(physicalCoreCount());
    expect(threadsForModel(500_000, 3)).toBe(3);
  });
});
