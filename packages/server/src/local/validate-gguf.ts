import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '@qiao/core';
import { type GgufFileInfo, readGgufFileInfo } from 'node-llama-cpp';

/** Architectures without attention or feed-forward blocks, which lack those keys legitimately. */
const recurrentArchitectures = new Set(['mamba', 'mamba2', 'rwkv6', 'rwkv6qwen2', 'rwkv7', 'arwkv7']);

export interface GgufSummary {
  architecture: string;
  contextLength: number | undefined;
  embeddingLength: number | undefined;
  info: GgufFileInfo;
}

/**
 * llama.cpp aborts the whole process (not a catchable error) on some malformed files, e.g.
 * a missing feed_forward_length or head_count. So every file is read with the pure-JS GGUF
 * parser and checked here before node-llama-cpp is allowed to load it.
 */
export async function validateGguf(path: string): Promise<GgufSummary> {
  const unusable = (reason: string, cause?: unknown) =>
    new AppError('validation_failed', `${basename(path)} is not a usable GGUF model: ${reason}`, { cause });

  const size = await stat(path).then(
    (s) => s.size,
    (error: unknown) => {
      throw unusable('the file cannot be read', error);
    },
  );
  if (!(await hasGgufMagic(path))) throw unusable('it does not start with the GGUF magic bytes');

  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { sourceType: 'filesystem', logWarnings: false });
  } catch (error) {
    throw unusable(
      `its header cannot be parsed (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }

  const metadata = info.metadata as unknown as Record<string, unknown>;
  const architecture = (metadata.general as { architecture?: unknown } | undefined)?.architecture;
  if (typeof architecture !== 'string' || !architecture) throw unusable('general.architecture is missing');
  const arch = (info.architectureMetadata ?? {}) as Record<string, unknown> & {
    attention?: Record<string, unknown>;
  };
  const required: [string, unknown][] = [
    ['embedding_length', arch.embedding_length],
    ['block_count', arch.block_count],
  ];
  if (!recurrentArchitectures.has(architecture)) {
    required.push(
      ['feed_forward_length', arch.feed_forward_length],
      ['attention.head_count', arch.attention?.head_count],
    );
  }
  for (const [key, value] of required) {
    if (value === undefined || value === null) throw unusable(`${architecture}.${key} is missing`);
  }
  const tokenizer = (metadata.tokenizer as { ggml?: { model?: unknown; tokens?: unknown[] } } | undefined)
    ?.ggml;
  if (
    typeof tokenizer?.model !== 'string' ||
    !Array.isArray(tokenizer.tokens) ||
    tokenizer.tokens.length === 0
  ) {
    throw unusable('it has no tokenizer (tokenizer.ggml.model / tokenizer.ggml.tokens)');
  }
  const lastTensor = Math.max(0, ...(info.tensorInfo ?? []).map((tensor) => Number(tensor.fileOffset)));
  if (info.splicedParts <= 1 && lastTensor >= size)
    throw unusable('the file is truncated (tensor data is missing)');

  return {
    architecture,
    contextLength: numberOrUndefined(arch.context_length),
    embeddingLength: numberOrUndefined(arch.embedding_length),
    info,
  };
}

export async function hasGgufMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.toString('latin1') === 'GGUF';
  } finally {
    await file.close();
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}
