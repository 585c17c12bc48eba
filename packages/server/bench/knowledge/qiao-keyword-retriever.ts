import { type ChunkOptions, chunkDocument, defaultKnowledgeBaseSettings } from '@qiao/core';
import { indexedText } from '../../src/knowledge/chunk-writer';
import { rankKeywordHits } from '../../src/knowledge/keyword-ranking';
import { parseDocument } from '../../src/knowledge/parse/parse-document';
import { queryTerms, searchTerms } from '../../src/knowledge/search-terms';
import { Bm25Index } from './bm25-index';
import type { Retriever } from './retrieval-quality';
import type { FileToIngest } from './sql-retriever';

export const defaultKeywordOptions: ChunkOptions = {
  targetChars: defaultKnowledgeBaseSettings.chunkTargetChars,
  overlapChars: defaultKnowledgeBaseSettings.chunkOverlapChars,
};

/**
 * Qiao's keyword path without the database, for tests that must stay fast: the same parser,
 * chunker (a knowledge base's default sizes), indexed text (heading path + chunk), terms, exact
 * BM25 and the same keyword ranking (`rankKeywordHits`) over BM25's best 40. The SQL path reads
 * only the query terms' best posting blocks; the bench runs both.
 */
export async function qiaoKeywordRetriever(
  files: readonly FileToIngest[],
  options: ChunkOptions = defaultKeywordOptions,
): Promise<Retriever> {
  const index = new Bm25Index<{ id: string; text: string }>();
  for (const file of files) {
    const parsed = await parseDocument({ bytes: file.bytes, filename: file.filename }, { ocr: false });
    for (const chunk of chunkDocument(parsed.sections, options)) {
      const id = `${file.filename}#${chunk.index}`;
      index.add({ id, text: chunk.text }, searchTerms(indexedText(chunk.text, chunk.headingPath)));
    }
  }
  return async (query, k) => {
    const terms = queryTerms(query);
    const found = index.search(terms, Math.max(k * 4, 40));
    const idfs = index.idfs(terms);
    const ranked = rankKeywordHits(
      {
        hits: found.map(({ item, score }) => ({ chunkId: item.id, bm25: score, coverage: 0 })),
        idfs,
        idfTotal: index.idfTotal(terms),
      },
      new Map(found.map(({ item }) => [item.id, item])),
    );
    const byId = new Map(found.map(({ item }) => [item.id, item]));
    return ranked.slice(0, k).map((hit) => ({ text: byId.get(hit.chunkId)!.text }));
  };
}
