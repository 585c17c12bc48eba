import { AppError } from '@qiao/core';
import { Inflate } from 'fflate';
import type { ParseLimits } from './parse-limits';
import { sheetCellCounter } from './sheet-cell-counter';
import { type ZipEntry, zipEntries } from './zip-entries';

export type ZipLimits = Pick<ParseLimits, 'maxEntryBytes' | 'maxInflatedBytes' | 'maxCells'>;

const maxEntries = 10_000;
/** uncompressed / compressed, per entry; real office XML stays far below, deflate tops out near 1032 */
const maxRatio = 1000;
/** compressed bytes fed per step: deflate's ratio bounds one step's output to about 4 MB */
const step = 4096;
const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Refuses a zip bomb. The central directory's sizes are checked first (free), then every
 * entry is inflated as a stream and its real bytes counted, output discarded: a bomb whose
 * directory tells the truth, or lies, stops at the cap instead of in the parser's memory.
 * Worksheets are scanned for cells on the way, so an oversized workbook is refused too.
 */
export function assertSafeZip(bytes: Uint8Array, filename: string, limits: ZipLimits): void {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    throw new AppError('bad_request', `${filename} is a damaged zip archive`, { cause: error });
  }
  const refuse = (why: string) =>
    new AppError(
      'payload_too_large',
      `${filename} was refused: ${why} (a zip bomb or an oversized document)`,
    );
  if (entries.length > maxEntries) throw refuse(`${entries.length} entries, the limit is ${maxEntries}`);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.declaredSize;
    checkSize(entry.name, entry.declaredSize, declared, limits, refuse);
    if (entry.compressedSize > 0 && entry.declaredSize / entry.compressedSize > maxRatio)
      throw refuse(`${entry.name} compresses ${Math.round(entry.declaredSize / entry.compressedSize)}:1`);
  }
  let total = 0;
  let cells = 0;
  for (const entry of entries) {
    const counter = isSheet(entry.name) ? sheetCellCounter() : undefined;
    let inflated = 0;
    inflateEntry(bytes, entry, filename, (chunk) => {
      inflated += chunk.length;
      total += chunk.length;
      checkSize(entry.name, inflated, total, limits, refuse);
      if (!counter) return;
      counter.push(chunk);
      if (cells + counter.count > limits.maxCells)
        throw refuse(`it has more than ${limits.maxCells.toLocaleString('en')} cells, the limit`);
    });
    if (entry.compressedSize > 0 && inflated / entry.compressedSize > maxRatio)
      throw refuse(`${entry.name} compresses ${Math.round(inflated / entry.compressedSize)}:1`);
    cells += counter?.count ?? 0;
  }
}

function checkSize(
  name: string,
  entryBytes: number,
  totalBytes: number,
  limits: ZipLimits,
  refuse: (why: string) => AppError,
): void {
  if (entryBytes > limits.maxEntryBytes)
    throw refuse(`${name} unpacks to more than ${mb(limits.maxEntryBytes)}, the limit`);
  if (totalBytes > limits.maxInflatedBytes)
    throw refuse(`it unpacks to more than ${mb(limits.maxInflatedBytes)}, the limit`);
}

function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  filename: string,
  onData: (chunk: Uint8Array) => void,
) {
  const end = Math.min(bytes.byteLength, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = entry.dataStart; at < end; at += step) onData(bytes.subarray(at, Math.min(at + step, end)));
    return;
  }
  if (entry.method !== 8)
    throw new AppError('unsupported_media_type', `${filename} uses a zip compression other than deflate`);
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    onData(chunk);
    done ||= final;
  });
  try {
    for (let at = entry.dataStart; at < end && !done; at += step)
      inflater.push(bytes.subarray(at, Math.min(at + step, end)), at + step >= end);
  } catch (error) {
    if (AppError.is(error)) throw error;
    throw new AppError('bad_request', `${filename} is a damaged zip archive (${entry.name})`, {
      cause: error,
    });
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
