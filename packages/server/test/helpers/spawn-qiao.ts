import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real `qiao` entry, run the way `npx qiao` runs it. */
export const qiaoBin = fileURLToPath(new URL('../../bin/qiao.js', import.meta.url));

export interface QiaoResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Only what is passed reaches the child (plus PATH and HOME), so a developer's own provider
 * keys or DATABASE_URL can never leak into a test.
 */
export function qiaoEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...extra };
}

export function startQiao(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [qiaoBin, ...args], {
    env: qiaoEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runQiao(args: string[], env: Record<string, string>): Promise<QiaoResult> {
  const child = startQiao(args, env);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<QiaoResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the first match of `pattern` on stdout; rejects if the process ends first. */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; got: ${seen}${errors}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`qiao exited (${code}) before printing ${pattern}: ${seen}${errors}`));
    });
  });
}
