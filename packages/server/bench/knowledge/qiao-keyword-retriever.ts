import { type ChunkOptions, chunkDocument, type DocumentChunk } from '@qiao/core';
import { parseDocument } from '../../src/knowledge/parse/parse-document';
import { queryTerms, searchTerms } from '../../src/knowledge/search-terms';
import { Bm25Index } from './bm25-index';
import type { DevDocument } from './dev-set-types';
import type { Retriever } from './retrieval-quality';

export interface KeywordOptions extends ChunkOptions {
  /** weight of a heading-path match against a body match */
  headingWeight: number;
}

export const defaultKeywordOptions: KeywordOptions = { targetChars: 400, overlapChars: 80, headingWeight: 1 };

/**
 * Qiao's keyword path without the database: parseDocument → chunkDocument → searchTerms →
 * BM25. The document title and heading path are indexed with each chunk (a chunk deep in a
 * handbook still knows whose handbook it is); the chunk's own text is what is returned and cited.
 */
export async function qiaoKeywordRetriever(
  documents: readonly DevDocument[],
  options: KeywordOptions = defaultKeywordOptions,
): Promise<Retriever> {
  const body = new Bm25Index<DocumentChunk>();
  // headings are a separate field without length normalization: every chunk under a heading
  // carries it equally, so it must not favour the shortest chunk under it
  const headings = new Bm25Index<DocumentChunk>(1.2, 0);
  for (const document of documents) {
    const parsed = await parseDocument({
      bytes: new TextEncoder().encode(document.text),
      filename: document.filename,
    });
    for (const chunk of chunkDocument(parsed.sections, options)) {
      body.add(chunk, searchTerms(chunk.text));
      headings.add(chunk, searchTerms(headingField(parsed.title, chunk.headingPath)));
    }
  }
  return async (query, k) => {
    const terms = queryTerms(query);
    const scores = headings.scores(terms, options.headingWeight, body.scores(terms));
    return body.rank(scores, k).map(({ item }) => ({ text: item.text }));
  };
}

/** The document title and the headings above a chunk (the title once, when it is also the h1). */
export function headingField(title: string, headingPath: readonly string[]): string {
  return (headingPath[0] === title ? headingPath : [title, ...headingPath]).join('\n');
}
