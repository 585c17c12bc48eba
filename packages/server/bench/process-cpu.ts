import { readCpuMs } from './read-cpu';

/**
 * Starts a CPU meter: calling the result gives the CPU seconds used since then by this
 * process (`app`) and by its child processes (`db`: the embedded database, plus the idle
 * fixture servers). On a shared machine these move far less than wall-clock time does.
 */
export function cpuMeter(): () => { app: number; db: number } {
  const ownMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const app0 = ownMs();
  const all0 = readCpuMs(process.pid);
  return () => {
    const app = ownMs() - app0;
    const all = readCpuMs(process.pid) - all0;
    return { app: app / 1000, db: (all - app) / 1000 };
  };
}
