import { readFileSync } from 'node:fs';

/**
 * Resident set size of a process and its descendants in MiB, from /proc (Linux only; NaN
 * elsewhere). Descendants count because the embedded database runs in a child of the server.
 */
export function readRssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (!kib) return Number.NaN;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.reduce((sum, child) => sum + (readRssMiB(Number(child)) || 0), Number(kib) / 1024);
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS while `work` runs; resolves with the peak. */
export async function peakRssDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMiB: number }> {
  let peakMiB = readRssMiB(pid);
  const timer = setInterval(() => {
    const now = readRssMiB(pid);
    if (now > peakMiB || Number.isNaN(peakMiB)) peakMiB = now;
  }, 100);
  try {
    return { result: await work(), peakMiB };
  } finally {
    clearInterval(timer);
  }
}
