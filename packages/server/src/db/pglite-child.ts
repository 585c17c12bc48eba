import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '@qiao/core';

export interface PgliteChild {
  /** directory holding the `.s.PGSQL.5432` socket, for pg's `host` */
  socketDir: string;
  stop(): Promise<void>;
}

const childScript = fileURLToPath(new URL('./pglite-process.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// sockaddr_un holds ~107 bytes; a deep data dir gets its socket under the temp dir instead
const maxSocketPath = 100;

/** Starts the process that owns `dataDir/db` and waits until it accepts connections. */
export async function startPgliteChild(dataDir: string): Promise<PgliteChild> {
  const dbDir = join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  let socketDir = join(dataDir, 'run');
  if (join(socketDir, '.s.PGSQL.5432').length > maxSocketPath)
    socketDir = mkdtempSync(join(tmpdir(), 'qiao-db-'));
  mkdirSync(socketDir, { recursive: true });
  const socketPath = join(socketDir, '.s.PGSQL.5432');
  // the data-dir lock makes us the only owner, so a socket file left here is from a dead process
  if (existsSync(socketPath)) rmSync(socketPath);

  const child = spawn(process.execPath, ['--import', tsxLoader, childScript, dbDir, socketPath], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(
        new AppError(
          'database_unavailable',
          `Cannot open the embedded database in ${dbDir}: ${stderr.trim().split('\n').at(-1) || `exit ${code}`}`,
        ),
      ),
    );
    createInterface({ input: child.stdout! }).once('line', () => resolve());
  });
  child.removeAllListeners('exit');
  return { socketDir, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
