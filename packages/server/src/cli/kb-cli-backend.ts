import type { KbDocumentDto, KnowledgeBaseDto, SearchResult } from '@qiao/core';

/** What `qiao kb` needs; through the running server or on the database (see cli-backend.ts). */
export interface KbCliBackend {
  create(name: string): Promise<KnowledgeBaseDto>;
  list(): Promise<KnowledgeBaseDto[]>;
  remove(name: string): Promise<void>;
  /** adds a file and queues its ingestion; a file already in the knowledge base is a 409 AppError */
  upload(kb: string, file: { name: string; bytes: Uint8Array }): Promise<KbDocumentDto>;
  document(kb: string, documentId: string): Promise<KbDocumentDto>;
  /** every hit, below the chat's threshold too (marked by `passesThreshold`) */
  search(kb: string, query: string, topK?: number): Promise<SearchResult>;
  close(): Promise<void>;
}
