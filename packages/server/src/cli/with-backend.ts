import { setTimeout as sleep } from 'node:timers/promises';
import { acquireDataDirLock, type LockInfo, lockPath, readLiveLock } from '../server/data-dir-lock';
import type { CliBackend } from './cli-backend';
import type { CliContext } from './cli-context';
import { remoteBackend } from './remote-backend';

/** A server writes its URL into the lock only once it listens, seconds after taking it. */
const serverStartWaitMs = 60_000;

/**
 * Runs `work` against whatever may touch the database: the running server when one holds the
 * data dir, otherwise the database itself under a 'cli' lock (Postgres needs no lock).
 */
export async function withBackend<T>(ctx: CliContext, work: (backend: CliBackend) => Promise<T>): Promise<T> {
  const config = ctx.config();
  // loaded on demand: going through the server should not pay for loading PGlite and the providers
  const direct = async () => (await import('./direct-backend')).directBackend(config);
  if (config.databaseUrl) return run(await direct(), work);
  const server = await runningServer(ctx);
  if (server?.url && server.token) {
    return run(
      remoteBackend({
        url: server.url,
        token: server.token,
        pid: server.pid,
        lockFile: lockPath(config.dataDir),
      }),
      work,
    );
  }
  const lock = acquireDataDirLock(config.dataDir, 'cli');
  try {
    return await run(await direct(), work);
  } finally {
    lock.release();
  }
}

async function runningServer(ctx: CliContext): Promise<LockInfo | undefined> {
  const { dataDir } = ctx.config();
  const deadline = Date.now() + serverStartWaitMs;
  let lock = readLiveLock(dataDir);
  if (lock?.kind === 'server' && !lock.url)
    ctx.err(`Waiting for the Qiao server (pid ${lock.pid}) to finish starting…\n`);
  while (lock?.kind === 'server' && !lock.url && Date.now() < deadline) {
    await sleep(200);
    lock = readLiveLock(dataDir);
  }
  return lock?.kind === 'server' ? lock : undefined;
}

async function run<T>(backend: CliBackend, work: (backend: CliBackend) => Promise<T>): Promise<T> {
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}
