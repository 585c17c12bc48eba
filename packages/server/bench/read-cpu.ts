import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process and its descendants have used, in ms, from /proc
 * (Linux only; NaN elsewhere). Unlike wall-clock latency it hardly moves with what else the
 * machine is doing, so it is the steadier measure of per-request cost on a shared 2-core box.
 */
export function readCpuMs(pid: number): number {
  try {
    // fields after the command name: state is 0, utime 11, stime 12 (clock ticks, 100 Hz)
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) * 10;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return children.reduce((sum, child) => sum + (readCpuMs(Number(child)) || 0), own);
  } catch {
    return Number.NaN;
  }
}
