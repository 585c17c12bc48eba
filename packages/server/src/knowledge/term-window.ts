const latinOrDigit = /[\p{L}\p{N}]/u;
const han = /\p{Script=Han}/u;

/**
 * The most query-term IDF that one stretch of `width` characters of a passage holds: each
 * distinct query term counts once, wherever in the stretch it is. BM25 scores a chunk as a bag
 * of words; an answer is usually where the question's words stand close together, so this
 * tells a chunk that holds the question's terms in one sentence from one that has them
 * scattered over 600 characters. Terms are found as substrings of the NFKC, lower-cased text
 * (a Latin or digit term only at a word start, and a number only whole), so no tokenizer runs.
 */
export function termWindowScore(text: string, idfs: ReadonlyMap<string, number>, width: number): number {
  const haystack = text.normalize('NFKC').toLowerCase();
  const found: { at: number; term: string }[] = [];
  for (const term of idfs.keys()) {
    if (term.length === 0) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      if (standsAlone(haystack, term, at)) found.push({ at, term });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const inWindow = new Map<string, number>();
  let sum = 0;
  let best = 0;
  let first = 0;
  for (const hit of found) {
    const seen = inWindow.get(hit.term) ?? 0;
    inWindow.set(hit.term, seen + 1);
    if (seen === 0) sum += idfs.get(hit.term)!;
    while (hit.at - found[first]!.at > width) {
      const gone = found[first++]!;
      const left = inWindow.get(gone.term)! - 1;
      inWindow.set(gone.term, left);
      if (left === 0) sum -= idfs.get(gone.term)!;
    }
    best = Math.max(best, sum);
  }
  return best;
}

function standsAlone(text: string, term: string, at: number): boolean {
  if (han.test(term[0]!)) return true;
  const before = text[at - 1];
  if (before !== undefined && latinOrDigit.test(before) && !han.test(before)) return false;
  // a stem (`oper`) may run on into its word (`operating`); a number may not (`4` in `42`)
  if (!/\d$/.test(term)) return true;
  const after = text[at + term.length];
  return after === undefined || !/\d/.test(after);
}
