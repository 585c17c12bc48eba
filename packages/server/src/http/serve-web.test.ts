import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveWeb } from './serve-web';

let dist: string;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'qiao-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

test('serves index.html at / and revalidates it', async () => {
  const res = await serveWeb(dist).request('/');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  // images only from Qiao: a remote image in an answer cannot carry data off
  expect(res.headers.get('content-security-policy')).toBe("img-src 'self' data: blob:");
  expect((await serveWeb(dist).request('/c/some-chat')).headers.get('content-security-policy')).toContain(
    'img-src',
  );
  expect(await res.text()).toContain('id="root"');
});

test('hashed assets get long cache headers and the right type', async () => {
  const res = await serveWeb(dist).request('/assets/index-abc123.js');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/javascript');
  expect(res.headers.get('cache-control')).toContain('immutable');
  expect(await res.text()).toBe('console.log(1)');
});

test('client-side routes fall back to index.html', async () => {
  const res = await serveWeb(dist).request('/chat/123');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('id="root"');
});

test('API paths, missing assets and path traversal are not answered with the app', async () => {
  const web = serveWeb(dist);
  for (const path of [
    '/api/nope',
    '/v1/models',
    '/assets/missing.js',
    '/missing.png',
    '/..%2f..%2fetc/passwd',
  ]) {
    const res = await web.request(path);
    expect(res.status, path).toBe(404);
  }
});

test('POST is never served the app', async () => {
  const res = await serveWeb(dist).request('/chat', { method: 'POST' });
  expect(res.status).toBe(404);
});

test('a helpful page when the UI has not been built', async () => {
  const res = await serveWeb(join(dist, 'does-not-exist')).request('/');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('npm run build -w @qiao/web');
});
