import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../../../web', import.meta.url));
const distIndex = join(webRoot, 'dist', 'index.html');
const lockDir = join(webRoot, '.dist-build.lock');

/**
 * Builds packages/web/dist unless it is newer than every source file (a fresh clone has none).
 * The UI test files run in parallel workers: a lock directory keeps two builds from emptying
 * dist under each other, and the one that waited finds the bundle fresh.
 */
export async function ensureWebBuild(): Promise<void> {
  if (fresh()) return;
  await withLock(async () => {
    if (fresh()) return;
    const { build } = await import('vite');
    await build({ root: webRoot, logLevel: 'warn' });
  });
}

function fresh(): boolean {
  return existsSync(distIndex) && newestSource() <= statSync(distIndex).mtimeMs;
}

async function withLock(work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (true) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // a lock left by a killed run is older than any build takes
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 300_000)
        rmSync(lockDir, { recursive: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      await sleep(500);
    }
  }
  try {
    await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function newestSource(): number {
  const files = ['index.html', 'vite.config.ts', ...walk('src'), ...walk('public')];
  return Math.max(...files.map((file) => statSync(join(webRoot, file)).mtimeMs));
}

function walk(dir: string): string[] {
  if (!existsSync(join(webRoot, dir))) return [];
  return readdirSync(join(webRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
