import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@qiao/core';
import { isProcessAlive } from './is-process-alive';

/**
 * PGlite is single-process: opening one data dir from two processes corrupts it. Whoever opens
 * the embedded database holds `run/lock.json`; a server also leaves its URL and a local admin
 * token there so CLI commands can go through it instead of opening the directory themselves.
 */
export interface LockInfo {
  pid: number;
  kind: 'server' | 'cli';
  url?: string;
  token?: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  info(): LockInfo;
  /** the server learns its URL only after listening, well after taking the lock */
  update(patch: Pick<LockInfo, 'url' | 'token'>): void;
  release(): void;
}

/** Lock files this process holds, so a lock naming our own pid is told apart from a reused pid. */
const heldHere = new Set<string>();
let exitHookInstalled = false;

export function lockPath(dataDir: string): string {
  return join(dataDir, 'run', 'lock.json');
}

/** The lock of a live process, or undefined when there is none (or only a stale one). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  const path = lockPath(dataDir);
  const info = readLock(path);
  return info && isHolderAlive(path, info) ? info : undefined;
}

export function acquireDataDirLock(dataDir: string, kind: LockInfo['kind']): DataDirLock {
  const path = lockPath(dataDir);
  mkdirSync(join(dataDir, 'run'), { recursive: true, mode: 0o700 });
  let info: LockInfo = { pid: process.pid, kind, startedAt: new Date().toISOString() };
  // Two tries: the second follows removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path, info)) break;
    const holder = readLock(path);
    if (holder && isHolderAlive(path, holder)) throw heldError(dataDir, holder);
    if (attempt === 1)
      throw new AppError('conflict', `Cannot take the lock ${path}: another process keeps replacing it`);
    // Re-read right before removing so a lock that a racing process just took survives.
    if (readLock(path)?.startedAt === holder?.startedAt) removeQuietly(path);
  }
  heldHere.add(path);
  installExitHook();
  let released = false;
  return {
    path,
    info: () => info,
    update(patch) {
      info = { ...info, ...patch };
      const tmp = tempName(path);
      writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
      renameSync(tmp, path);
    },
    release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      if (readLock(path)?.pid === process.pid) removeQuietly(path);
    },
  };
}

/** Written aside and hard-linked into place: exclusive like 'wx', but never seen half-written. */
function tryCreate(path: string, info: LockInfo): boolean {
  const tmp = tempName(path);
  writeFileSync(tmp, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError('internal', `Cannot create the lock ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    removeQuietly(tmp);
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof value.pid === 'number' ? (value as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

function isHolderAlive(path: string, info: LockInfo): boolean {
  if (info.pid === process.pid) return heldHere.has(path);
  return isProcessAlive(info.pid);
}

function heldError(dataDir: string, holder: LockInfo): AppError {
  const message =
    holder.kind === 'server'
      ? `The data dir ${dataDir} is in use by a running Qiao server (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}); stop it or set another QIAO_DATA_DIR`
      : `The data dir ${dataDir} is in use by another qiao command (pid ${holder.pid}); try again when it has finished`;
  return new AppError('conflict', message, { details: { pid: holder.pid, kind: holder.kind } });
}

function tempName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** A crash or process.exit() must not leave a lock behind that blocks the next start. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of heldHere) if (readLock(path)?.pid === process.pid) removeQuietly(path);
  });
}
