import type { KeywordHit, KeywordSearch } from './bm25-search';
import { termWindowScore } from './term-window';

/** How keyword hits are ordered; the defaults are what the dev sets chose (bench/knowledge). */
export interface KeywordRanking {
  /** the stretch of a passage in which the query's terms are counted together */
  windowChars: number;
  /** weight of that window's share of the query's IDF, against BM25 relative to the best hit */
  windowWeight: number;
}

export const defaultKeywordRanking: KeywordRanking = { windowChars: 60, windowWeight: 0.5 };

export interface RankedKeywordHit extends KeywordHit {
  /** BM25 relative to the best hit plus the weighted window share: what the order follows */
  score: number;
}

/**
 * Orders BM25's candidates by BM25 and by how much of the question stands together in one
 * stretch of the passage (term-window.ts): passage-level evidence that BM25's bag of words lacks.
 */
export function rankKeywordHits(
  search: KeywordSearch,
  texts: ReadonlyMap<string, { text: string }>,
  ranking: KeywordRanking = defaultKeywordRanking,
): RankedKeywordHit[] {
  const best = Math.max(...search.hits.map((hit) => hit.bm25), Number.MIN_VALUE);
  const total = search.idfTotal > 0 ? search.idfTotal : 1;
  return search.hits
    .map((hit, i) => {
      const text = texts.get(hit.chunkId)?.text ?? '';
      const window = termWindowScore(text, search.idfs, ranking.windowChars) / total;
      return { hit: { ...hit, score: hit.bm25 / best + ranking.windowWeight * window }, i };
    })
    .sort((a, b) => b.hit.score - a.hit.score || a.i - b.i)
    .map(({ hit }) => hit);
}
