import { Bm25Index } from './bm25-index';
import type { DevDocument } from './dev-set-types';
import type { Retriever } from './retrieval-quality';

/**
 * The baseline the issue names: fixed 500-character windows, plain BM25 over whitespace words
 * (lower-cased, punctuation stripped) and single CJK characters.
 */
export function naiveBaseline(documents: readonly DevDocument[], windowChars = 500): Retriever {
  const index = new Bm25Index<string>();
  for (const document of documents) {
    for (let start = 0; start < document.text.length; start += windowChars) {
      const window = document.text.slice(start, start + windowChars);
      index.add(window, naiveTokens(window));
    }
  }
  return async (query, k) => index.search(naiveTokens(query), k).map(({ item }) => ({ text: item }));
}

export function naiveTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\p{Script=Han})/gu, ' $1 ')
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}
