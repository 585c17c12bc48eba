import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyGgufBytes } from '../../test/fixtures/tiny-gguf';
import { type Config, loadConfig } from '../config';
import { pullModel } from './pull-model';

const gguf = tinyGgufBytes({ seed: 3 });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface FileSpec {
  body: Buffer;
  /** what the redirect hop advertises in X-Linked-Etag */
  linkedSha: string;
  /** cut the connection half-way through the first full response */
  cutFirst?: boolean;
  ignoreRange?: boolean;
}

const files: Record<string, FileSpec> = {
  'tiny.gguf': { body: gguf, linkedSha: sha(gguf) },
  'flaky.gguf': { body: gguf, linkedSha: sha(gguf), cutFirst: true },
  'norange.gguf': { body: gguf, linkedSha: sha(gguf), cutFirst: true, ignoreRange: true },
  'wrong.gguf': { body: gguf, linkedSha: 'ab'.repeat(32) },
  'notgguf.gguf': { body: randomBytes(5000), linkedSha: '' },
};
files['notgguf.gguf']!.linkedSha = sha(files['notgguf.gguf']!.body);

describe('pullModel', () => {
  let server: Server;
  let config: Config;
  const requests: { url: string; range?: string }[] = [];
  const served = new Set<string>();

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      requests.push({ url: req.url ?? '', range: req.headers.range });
      const resolve = /^\/owner\/repo\/resolve\/main\/(.+)$/.exec(req.url ?? '');
      if (resolve && files[resolve[1]!]) {
        // Hugging Face style: redirect to the CDN, checksum on the redirect.
        const spec = files[resolve[1]!]!;
        res.writeHead(302, {
          location: `/cdn/${resolve[1]}`,
          'x-linked-etag': `"${spec.linkedSha}"`,
          'x-linked-size': spec.body.length,
        });
        return res.end();
      }
      const name = /^\/cdn\/(.+)$/.exec(req.url ?? '')?.[1];
      const spec = name ? files[name] : undefined;
      if (!name || !spec) {
        res.writeHead(404);
        return res.end('Entry not found');
      }
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      const start = range && !spec.ignoreRange ? Number(range[1]) : 0;
      const headers: Record<string, string | number> = {
        'content-length': spec.body.length - start,
        etag: '"d41d8cd98f00b204e9800998ecf8427e"',
      };
      if (start > 0) headers['content-range'] = `bytes ${start}-${spec.body.length - 1}/${spec.body.length}`;
      res.writeHead(start > 0 ? 206 : 200, headers);
      if (spec.cutFirst && !served.has(name)) {
        served.add(name);
        res.write(spec.body.subarray(0, spec.body.length / 2), () => res.destroy());
        return;
      }
      res.end(spec.body.subarray(start));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    config = loadConfig(
      {
        QIAO_DATA_DIR: mkdtempSync(join(tmpdir(), 'qiao-pull-')),
        QIAO_HF_ENDPOINT: `http://127.0.0.1:${port}`,
      },
      { ensureSecret: false },
    );
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads through the redirect, checks the advertised sha256 and reports progress', async () => {
    const progress: [number, number | undefined][] = [];
    const result = await pullModel({
      name: 'owner/repo/tiny.gguf',
      config,
      onProgress: (r, t) => progress.push([r, t]),
    });
    expect(result).toEqual({
      path: join(config.dataDir, 'models', 'tiny.gguf'),
      bytes: gguf.length,
      sha256: sha(gguf),
    });
    expect(readFileSync(result.path).equals(gguf)).toBe(true);
    expect(existsSync(`${result.path}.part`)).toBe(false);
    expect(progress.at(-1)).toEqual([gguf.length, gguf.length]);
    // already there: no second download
    const before = requests.length;
    await pullModel({ name: 'hf:owner/repo:tiny.gguf', config, sha256: sha(gguf) });
    expect(requests.length).toBe(before);
  });

  it('resumes an interrupted download with a Range request', async () => {
    const first = pullModel({ name: 'owner/repo/flaky.gguf', config });
    await expect(first).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('pull again to resume'),
    });
    const part = join(config.dataDir, 'models', 'flaky.gguf.part');
    // the socket is destroyed mid-write, so less than the written half may have arrived
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(gguf.length / 2);
    const result = await pullModel({ name: 'owner/repo/flaky.gguf', config });
    expect(requests.filter((r) => r.url === '/cdn/flaky.gguf').at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(result.sha256).toBe(sha(gguf));
    expect(readFileSync(result.path).equals(gguf)).toBe(true);
  });

  it('starts over when the server ignores the Range request', async () => {
    await expect(pullModel({ name: 'owner/repo/norange.gguf', config })).rejects.toMatchObject({
      code: 'upstream_error',
    });
    const result = await pullModel({ name: 'owner/repo/norange.gguf', config });
    expect(readFileSync(result.path).equals(gguf)).toBe(true);
  });

  it('deletes a download whose checksum does not match', async () => {
    await expect(pullModel({ name: 'owner/repo/wrong.gguf', config })).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(
        /^Checksum mismatch for wrong\.gguf: expected sha256 (ab)+, got [0-9a-f]{64}/,
      ),
    });
    await expect(
      pullModel({ name: 'owner/repo/tiny.gguf', config, sha256: 'cd'.repeat(32) }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(existsSync(join(config.dataDir, 'models', 'wrong.gguf'))).toBe(false);
    expect(existsSync(join(config.dataDir, 'models', 'wrong.gguf.part'))).toBe(false);
  });

  it('explains 404s, files that are not GGUF and bad names', async () => {
    await expect(pullModel({ name: 'owner/repo/missing.gguf', config })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('/owner/repo/resolve/main/missing.gguf (HTTP 404)'),
    });
    await expect(pullModel({ name: 'owner/repo/notgguf.gguf', config })).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'notgguf.gguf is not a GGUF file (wrong magic bytes); the download was deleted',
    });
    await expect(pullModel({ name: 'owner/repo/../etc/passwd.gguf', config })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(pullModel({ name: 'owner/repo/readme.md', config })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
