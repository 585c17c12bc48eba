/**
 * An in-memory Okapi BM25 index (k1 = 1.2, b = 0.75) over pre-tokenized documents. The bench
 * uses it for both the naive baseline and Qiao's keyword pipeline, so only the chunking and the
 * terms differ between them.
 */
export class Bm25Index<T> {
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #lengths: number[] = [];
  readonly #items: T[] = [];
  #totalLength = 0;

  constructor(
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {}

  add(item: T, terms: readonly string[]): void {
    const id = this.#items.length;
    this.#items.push(item);
    this.#lengths.push(terms.length);
    this.#totalLength += terms.length;
    for (const term of terms) {
      const posting = this.#postings.get(term) ?? new Map<number, number>();
      this.#postings.set(term, posting);
      posting.set(id, (posting.get(id) ?? 0) + 1);
    }
  }

  search(queryTerms: readonly string[], k: number): { item: T; score: number }[] {
    return this.rank(this.scores(queryTerms), k);
  }

  /** IDF of each query term the index holds. */
  idfs(queryTerms: readonly string[]): Map<string, number> {
    const count = this.#items.length;
    const idfs = new Map<string, number>();
    for (const term of new Set(queryTerms)) {
      const posting = this.#postings.get(term);
      if (posting) idfs.set(term, Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5)));
    }
    return idfs;
  }

  /** IDF of all the query's terms, those no item holds included (as the SQL search counts them). */
  idfTotal(queryTerms: readonly string[]): number {
    const count = this.#items.length;
    let total = 0;
    for (const term of new Set(queryTerms)) {
      const df = this.#postings.get(term)?.size ?? 0;
      total += Math.log(1 + (count - df + 0.5) / (df + 0.5));
    }
    return total;
  }

  /** Ranks item ids by score (ties by insertion order); scores may come from several indexes. */
  rank(scores: ReadonlyMap<number, number>, k: number): { item: T; score: number }[] {
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([id, score]) => ({ item: this.#items[id]!, score }));
  }

  /** BM25 score of every item that shares a term with the query, by insertion index. */
  scores(queryTerms: readonly string[], weight = 1, into = new Map<number, number>()): Map<number, number> {
    const count = this.#items.length;
    const averageLength = this.#totalLength / Math.max(1, count);
    const scores = into;
    for (const term of new Set(queryTerms)) {
      const posting = this.#postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5));
      for (const [id, tf] of posting) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.#lengths[id]!) / averageLength);
        scores.set(id, (scores.get(id) ?? 0) + (weight * idf * tf * (this.k1 + 1)) / norm);
      }
    }
    return scores;
  }
}
