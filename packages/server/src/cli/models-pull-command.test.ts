import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tinyGgufBytes } from '../../test/fixtures/tiny-gguf';
import { runQiao } from '../../test/helpers/spawn-qiao';

const gguf = tinyGgufBytes();
const sha256 = createHash('sha256').update(gguf).digest('hex');
const dirs = [mkdtempSync(join(tmpdir(), 'qiao-pull-')), mkdtempSync(join(tmpdir(), 'qiao-pull-'))];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': gguf.length, 'content-type': 'application/octet-stream' });
    res.end(gguf);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tiny.gguf`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('pull downloads and verifies; a checksum mismatch is one line and leaves no model', async () => {
  const [ok, mismatch] = await Promise.all([
    runQiao(['models', 'pull', url, '--sha256', sha256], { QIAO_DATA_DIR: dirs[0]! }),
    runQiao(['models', 'pull', url, '--sha256', '0'.repeat(64)], { QIAO_DATA_DIR: dirs[1]! }),
  ]);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toBe(
    `Saved ${join(dirs[0]!, 'models', 'tiny.gguf')} (${(gguf.length / 1024).toFixed(1)} KB, sha256 ${sha256})\n`,
  );
  // not a terminal: plain progress lines instead of a redrawn bar
  expect(ok.stderr).toContain(`${url}:`);

  expect(mismatch.code).toBe(1);
  expect(mismatch.stderr.trim().split('\n').at(-1)).toMatch(/^qiao: .*sha256/i);
  expect(existsSync(join(dirs[1]!, 'models', 'tiny.gguf'))).toBe(false);
}, 120_000);
