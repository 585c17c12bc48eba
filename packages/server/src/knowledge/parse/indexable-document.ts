import { type ChunkOptions, chunkDocument, type DocumentChunk } from '@qiao/core';
import { parsedTextHash } from '../content-hash';
import type { ParsedDocument } from './parsed-document';

/** What indexing needs of a parsed document, computed where it was parsed. */
export interface IndexableDocument extends Omit<ParsedDocument, 'sections'> {
  chunks: DocumentChunk[];
  /** parsedTextHash of the sections (duplicate detection) */
  textHash: string;
  /** the highest page, 0 for formats without pages */
  pageCount: number;
}

/**
 * Chunks and hashes in the parser process: on 20 M characters chunking alone holds a thread
 * for seconds, which the server's event loop must not spend.
 */
export function indexableDocument(parsed: ParsedDocument, chunking: ChunkOptions): IndexableDocument {
  const { sections, ...rest } = parsed;
  return {
    ...rest,
    chunks: chunkDocument(sections, chunking),
    textHash: parsedTextHash(sections),
    pageCount: sections.reduce((max, s) => Math.max(max, s.page ?? 0), 0),
  };
}
