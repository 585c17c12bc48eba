import { searchTerms } from './search-terms';

export interface TermFrequencies {
  terms: string[];
  tfs: number[];
  /** all terms, repeats included: the chunk's length for BM25 */
  length: number;
}

/** Search terms of a text, lower-cased and counted; the input of the BM25 index. */
export function termFrequencies(text: string): TermFrequencies {
  const counts = new Map<string, number>();
  let length = 0;
  for (const raw of searchTerms(text)) {
    const term = raw.toLowerCase();
    // a posting key over a few hundred bytes would be a pasted blob, not a word
    if (term.length === 0 || term.length > 64) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length++;
  }
  return { terms: [...counts.keys()], tfs: [...counts.values()], length };
}
