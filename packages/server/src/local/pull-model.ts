import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@qiao/core';
import type { Config } from '../config';
import { fetchModelFile } from './fetch-model-file';
import { localModelsDir } from './list-local-models';
import { message } from './loaded-model';
import { parseModelSource } from './model-source';
import { hasGgufMagic, validateGguf } from './validate-gguf';

export interface PullModelOptions {
  /** `owner/repo/file.gguf`, `hf:owner/repo:file.gguf` or an https URL */
  name: string;
  config: Config;
  /** expected sha256 (hex); otherwise the one Hugging Face advertises, when it does */
  sha256?: string;
  onProgress?: (received: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export interface PulledModel {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Downloads a GGUF into `<dataDir>/models` through a `.part` file that a later pull resumes
 * with a Range request. The file only gets its real name once its checksum and GGUF header
 * check out, so the model list never shows a half or corrupt download. A file already there
 * is kept (and checked against `sha256` when given).
 */
export async function pullModel(options: PullModelOptions): Promise<PulledModel> {
  const source = parseModelSource(options.name, options.config.hfEndpoint);
  const expected = options.sha256?.toLowerCase();
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw new AppError('bad_request', 'sha256 must be 64 hexadecimal characters');
  }
  const dir = localModelsDir(options.config);
  await mkdir(dir, { recursive: true });
  const path = join(dir, source.fileName);
  const part = `${path}.part`;

  const existing = await sizeOf(path);
  if (existing !== undefined) {
    const sha256 = await hashFile(path, createHash('sha256'));
    if (expected === undefined || sha256 === expected) return { path, bytes: existing, sha256 };
  }

  const hash = createHash('sha256');
  const offset = (await sizeOf(part)) ?? 0;
  const { response, advertisedSha256 } = await fetchModelFile(
    source.url,
    offset > 0 ? { range: `bytes=${offset}-` } : {},
    options.signal,
  );
  if (
    response.status === 416 ||
    (response.status === 206 && (offset === 0 || rangeStart(response) !== offset))
  ) {
    // The .part is not a prefix the server can continue (the file changed): start over.
    await response.body?.cancel();
    if (offset === 0)
      throw new AppError('upstream_error', `${source.url} refused the download (HTTP ${response.status})`);
    await rm(part, { force: true });
    return pullModel(options);
  }
  // A 200 to a Range request means the server sends the whole file: overwrite the .part.
  const resumed = response.status === 206;
  if (resumed) await hashFile(part, hash);
  const start = resumed ? offset : 0;
  const total = totalSize(response, start);

  let received = start;
  options.onProgress?.(received, total);
  const file = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  try {
    if (!response.body) throw new AppError('upstream_error', `${source.url} sent no body`);
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          received += chunk.length;
          options.onProgress?.(received, total);
          yield chunk;
        }
      },
      file,
      { signal: options.signal },
    );
  } catch (error) {
    // pipeline settles as soon as a stream fails, while writes already handed to the file may
    // still land: a pull started right after must see the .part's final size to resume from it
    if (!file.closed) await new Promise<void>((resolve) => file.destroy().once('close', () => resolve()));
    if (options.signal?.aborted)
      throw new AppError('cancelled', 'The download was cancelled; pull again to resume');
    throw AppError.is(error)
      ? error
      : new AppError(
          'upstream_error',
          `The download of ${source.fileName} was interrupted (${message(error)}); pull again to resume`,
          {
            cause: error,
          },
        );
  }
  if (total !== undefined && received !== total) {
    throw new AppError(
      'upstream_error',
      `The download of ${source.fileName} stopped at ${received} of ${total} bytes; pull again to resume`,
    );
  }

  const sha256 = hash.digest('hex');
  const wanted = expected ?? advertisedSha256;
  if (wanted !== undefined && sha256 !== wanted) {
    await rm(part, { force: true });
    throw new AppError(
      'validation_failed',
      `Checksum mismatch for ${source.fileName}: expected sha256 ${wanted}, got ${sha256}; the download was deleted`,
    );
  }
  if (!(await hasGgufMagic(part))) {
    await rm(part, { force: true });
    throw new AppError(
      'validation_failed',
      `${source.fileName} is not a GGUF file (wrong magic bytes); the download was deleted`,
    );
  }
  await rename(part, path);
  try {
    await validateGguf(path);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, bytes: received, sha256 };
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then(
    (s) => s.size,
    () => undefined,
  );
}

async function hashFile(path: string, hash: Hash): Promise<string> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.copy().digest('hex');
}

function rangeStart(response: Response): number | undefined {
  const match = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : undefined;
}

function totalSize(response: Response, start: number): number | undefined {
  const fromRange = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
  if (fromRange) return Number(fromRange);
  const length = response.headers.get('content-length');
  return length ? start + Number(length) : undefined;
}
