import { AppError } from '@qiao/core';
import { unzipSync } from 'fflate';

export interface ZipLimits {
  /** total uncompressed bytes of all entries */
  maxTotalBytes: number;
  maxEntries: number;
  /** uncompressed / compressed, per entry; real office XML stays far below */
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 1000,
};

/**
 * Refuses a zip bomb before anything inflates it: the sizes come from the central directory,
 * which fflate reads without decompressing when the filter declines every entry.
 */
export function assertSafeZip(
  bytes: Uint8Array,
  filename: string,
  limits: ZipLimits = defaultZipLimits,
): void {
  let total = 0;
  let entries = 0;
  let worstRatio = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (file.size > 0) worstRatio = Math.max(worstRatio, file.originalSize / file.size);
        return false;
      },
    });
  } catch (error) {
    throw new AppError('bad_request', `${filename} is a damaged zip archive`, { cause: error });
  }
  const refuse = (why: string) =>
    new AppError(
      'payload_too_large',
      `${filename} was refused: ${why} (a zip bomb or an oversized document)`,
    );
  if (entries > limits.maxEntries) throw refuse(`${entries} entries, the limit is ${limits.maxEntries}`);
  if (total > limits.maxTotalBytes) {
    throw refuse(`it unpacks to ${mb(total)}, the limit is ${mb(limits.maxTotalBytes)}`);
  }
  if (worstRatio > limits.maxRatio) throw refuse(`an entry compresses ${Math.round(worstRatio)}:1`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
