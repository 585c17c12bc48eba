import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { storeDocumentBytes } from '../../src/knowledge/document-bytes';
import { addDocument } from '../../src/knowledge/document-store';
import { ingestDocument } from '../../src/knowledge/ingest-document';
import { createKnowledgeBase } from '../../src/knowledge/kb-store';
import { retrieve } from '../../src/knowledge/retrieve';
import { createUser } from '../../src/users/user-store';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { DevDocument } from './dev-set-types';
import { defaultKeywordOptions } from './qiao-keyword-retriever';
import type { Retriever } from './retrieval-quality';

/**
 * Qiao's real keyword path: the documents ingested by the ingestion job into a migrated
 * database (PGlite in memory, or Postgres with DATABASE_URL), searched with `retrieve` as the
 * search route does: SQL BM25 with the membership check, the same chunk sizes as the in-memory twin.
 */
export async function sqlRetriever(
  documents: readonly DevDocument[],
): Promise<{ retriever: Retriever; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-quality-'));
  const config = loadConfig({ QIAO_DATA_DIR: dataDir, QIAO_LOG_LEVEL: 'silent' }, { ensureSecret: false });
  const { db } = database;
  const user = await createUser(db, { username: 'quality', password: 'quality-password-1' });
  const { targetChars, overlapChars } = defaultKeywordOptions;
  const kb = await createKnowledgeBase(db, user.id, {
    name: 'dev-set',
    settings: { chunkTargetChars: targetChars, chunkOverlapChars: overlapChars },
  });
  for (const document of documents) {
    const bytes = new TextEncoder().encode(document.text);
    const doc = await addDocument(db, {
      kbId: kb.id,
      name: document.filename,
      contentHash: await storeDocumentBytes(dataDir, bytes),
      sizeBytes: bytes.byteLength,
    });
    await ingestDocument({ db, dataDir }, doc.id, new AbortController().signal);
  }
  return {
    retriever: async (query, k) => {
      const result = await retrieve(
        { db, config },
        { userId: user.id, kbIds: [kb.id], query, topK: k, mode: 'keyword' },
      );
      return result.hits.map((hit) => ({ text: hit.text }));
    },
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
