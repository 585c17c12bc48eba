import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * Threads for llama.cpp. Hyper-threads and oversubscription make matrix kernels spin on
 * each other (4 threads on 2 cores ran ~100x slower here), so count physical cores and cap
 * by what this process may actually use (affinity and cgroup quota).
 */
export function physicalCoreCount(): number {
  const usable = Math.min(availableParallelism(), cgroupCpuLimit() ?? Number.POSITIVE_INFINITY);
  const physical = countCpuinfoCores() ?? usable;
  return Math.max(1, Math.min(physical, usable));
}

function countCpuinfoCores(): number | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return undefined;
  }
  const cores = new Set<string>();
  for (const block of text.split(/\n\s*\n/)) {
    const physical = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (physical !== undefined && core !== undefined) cores.add(`${physical}:${core}`);
  }
  return cores.size > 0 ? cores.size : undefined;
}

function cgroupCpuLimit(): number | undefined {
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/);
    if (!quota || quota === 'max' || !period) return undefined;
    return Math.max(1, Math.floor(Number(quota) / Number(period)));
  } catch {
    return undefined;
  }
}

/**
 * Below this size a token costs microseconds of arithmetic, and llama.cpp's per-token thread
 * barrier (spin-waiting) costs more than a second thread saves. Measured on the tiny test
 * GGUF with the machine busy: 1 thread ~1 ms/token, 2 threads 120-290 ms/token.
 */
const smallModelBytes = 64 * 1024 * 1024;

export function threadsForModel(modelBytes: number, configured: number | undefined): number {
  if (configured !== undefined) return configured;
  return modelBytes < smallModelBytes ? 1 : physicalCoreCount();
}
