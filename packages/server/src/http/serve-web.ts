import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';

const defaultDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Vite puts content-hashed files under assets/: their URL changes whenever their bytes do.
const immutable = 'public, max-age=31536000, immutable';
// index.html names the current hashes, so browsers must always revalidate it.
const revalidate = 'no-cache';
// The page loads images only from Qiao: a remote image in rendered model output would be
// fetched with whatever its URL carries (the web app renders such images as links; this holds
// even if a renderer slips).
export const appPagePolicy = "img-src 'self' data: blob:";

const missingBuild = `<!doctype html>
<html><head><meta charset="utf-8"><title>Qiao</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Qiao (桥) is running</h1>
<p>The API is up, but the web UI has not been built yet. Run:</p>
<pre>npm run build -w @qiao/web</pre>
<p>then reload this page. (<code>npm start</code> builds it for you.)</p>
</body></html>`;

/**
 * Serves the built single-page app. Unknown non-API GETs fall back to index.html so that
 * client-side routes survive a reload; /api and /v1 keep their JSON 404s.
 */
export function serveWeb(distDir: string = defaultDist): Hono<AppEnv> {
  const root = resolve(distDir);
  const web = new Hono<AppEnv>();

  web.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/v1/') || path === '/api' || path === '/v1')
      return next();
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) return c.html(missingBuild, 200, { 'Cache-Control': 'no-store' });
    c.header('Content-Security-Policy', appPagePolicy);

    const file = safeJoin(root, path);
    if (!file) return next();
    const body = await readFile(file).catch(() => undefined);
    if (body) {
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      const cache = path.startsWith('/assets/') ? immutable : revalidate;
      return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': cache });
    }
    // A missing hashed asset is a real 404: answering HTML would be parsed as a script.
    if (path.startsWith('/assets/') || extname(path) !== '') return next();
    return c.body(new Uint8Array(await readFile(indexFile)), 200, {
      'Content-Type': contentTypes['.html']!,
      'Cache-Control': revalidate,
    });
  });

  return web;
}

/** Resolves a URL path inside root; refuses anything that would escape it. */
function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.includes('\0')) return undefined;
  const full = resolve(root, relative);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  return full;
}
