import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../../../web', import.meta.url));
const distIndex = join(webRoot, 'dist', 'index.html');

/** Builds packages/web/dist unless it is newer than every source file (a fresh clone has none). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(distIndex) && newestSource() <= statSync(distIndex).mtimeMs) return;
  const { build } = await import('vite');
  await build({ root: webRoot, logLevel: 'warn' });
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
