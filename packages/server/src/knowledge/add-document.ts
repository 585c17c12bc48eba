import type { Db } from '../db';
import { storeDocumentBytes } from './document-bytes';
import { addDocument, type DocumentRow } from './document-store';
import type { KnowledgeService } from './knowledge-service';
import { detectFormat } from './parse/detect-format';

export interface IncomingDocument {
  name: string;
  bytes: Uint8Array;
  mimeType?: string;
  sourceUrl?: string;
}

/**
 * Checks the type from the bytes (empty files, junk named .pdf, zip archives that are not
 * office files are refused here, before anything is stored), keeps the bytes, adds the row
 * and queues its ingestion.
 */
export async function addDocumentBytes(
  deps: { db: Db; dataDir: string; knowledge: KnowledgeService },
  kbId: string,
  input: IncomingDocument,
): Promise<DocumentRow> {
  detectFormat(input.bytes, input.name, input.mimeType);
  const hash = await storeDocumentBytes(deps.dataDir, input.bytes);
  const row = await addDocument(deps.db, {
    kbId,
    name: input.name,
    contentHash: hash,
    sizeBytes: input.bytes.byteLength,
    mimeType: input.mimeType,
    sourceUrl: input.sourceUrl,
  });
  await deps.knowledge.queue.enqueue(row.id);
  return row;
}
