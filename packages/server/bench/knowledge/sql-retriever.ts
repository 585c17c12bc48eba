import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateKnowledgeBaseBody } from '@qiao/core';
import { loadConfig } from '../../src/config';
import { storeDocumentBytes } from '../../src/knowledge/document-bytes';
import { addDocument } from '../../src/knowledge/document-store';
import { ingestDocument } from '../../src/knowledge/ingest-document';
import { createKnowledgeBase } from '../../src/knowledge/kb-store';
import { retrieve } from '../../src/knowledge/retrieve';
import { createUser } from '../../src/users/user-store';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Retriever } from './retrieval-quality';

export interface FileToIngest {
  filename: string;
  bytes: Uint8Array;
}

/** Generated documents as the files a user would upload. */
export function asFiles(documents: readonly { filename: string; text: string }[]): FileToIngest[] {
  const encoder = new TextEncoder();
  return documents.map((document) => ({ filename: document.filename, bytes: encoder.encode(document.text) }));
}

/**
 * Qiao's real keyword path, as `qiao kb ingest` + `qiao kb search --json` run it: the files
 * ingested by the ingestion job (the parser process, chunking, terms) into a migrated database
 * (PGlite in memory, or Postgres with DATABASE_URL) with a knowledge base's default settings,
 * then searched with `retrieve`: SQL BM25 with the membership check.
 */
export async function sqlRetriever(
  files: readonly FileToIngest[],
  settings: CreateKnowledgeBaseBody['settings'] = {},
): Promise<{ retriever: Retriever; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-quality-'));
  const config = loadConfig({ QIAO_DATA_DIR: dataDir, QIAO_LOG_LEVEL: 'silent' }, { ensureSecret: false });
  const { db } = database;
  const user = await createUser(db, { username: 'quality', password: 'quality-password-1' });
  const kb = await createKnowledgeBase(db, user.id, { name: 'dev-set', settings });
  for (const file of files) {
    const doc = await addDocument(db, {
      kbId: kb.id,
      name: file.filename,
      contentHash: await storeDocumentBytes(dataDir, file.bytes),
      sizeBytes: file.bytes.byteLength,
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
