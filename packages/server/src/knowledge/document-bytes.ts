import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Document bytes under $QIAO_DATA_DIR/files by sha-256, the layout files/file-store.ts uses
 * too: the ingestion job reads them back, also after a restart. Never deleted from here,
 * since an uploaded chat file may share the same content.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const pathOf = (dataDir: string, hash: string) => join(dataDir, 'files', hash);

export async function storeDocumentBytes(dataDir: string, bytes: Uint8Array): Promise<string> {
  const hash = contentHash(bytes);
  await mkdir(join(dataDir, 'files'), { recursive: true });
  const path = pathOf(dataDir, hash);
  const tmp = `${path}.${process.pid}.${Date.now()}`;
  await writeFile(tmp, bytes, { mode: 0o600 });
  await rename(tmp, path);
  return hash;
}

export function readDocumentBytes(dataDir: string, hash: string): Promise<Buffer> {
  return readFile(pathOf(dataDir, hash));
}
