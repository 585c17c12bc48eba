import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { latinTerms, type Token, unitTerms } from './latin-terms';
import { stopWords } from './stop-words';

let jieba: Jieba | undefined;

// loading the dictionary takes ~0.3 s, so it happens once, on first use
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Runs of Han characters, or of other letters and digits: a Han character always ends a Latin
 * or digit run (`FFN结构` is `ffn` + `结构`, `2024年` is `2024` + `年`). Inside a Latin run,
 * `. _ ' / ~ -` join parts (3.5, apt-get, x86_64, /etc/apt, 1~9), a comma joins digit groups
 * of three (1,024) and a trailing `%` (optionally after one space) belongs to a number.
 */
const latin = String.raw`[[\p{L}\p{N}]--\p{Script=Han}]`;
// built from a string: the `v` flag (set difference) is newer than TypeScript's target
const runs = new RegExp(
  String.raw`(\p{Script=Han}+)|${latin}+(?:(?:[._'\/~\-]|(?<=\d),(?=\d{3}(?!\d)))${latin}+)*(?: ?%)?`,
  'gv',
);

/**
 * Index terms of a text: NFKC (full-width forms fold to half-width), lower case, then
 * - Chinese through jieba's search mode (long words plus the shorter words inside them, HMM
 *   for unknown words), and the single characters of each word: a question's 休假 still meets
 *   the handbook's 年假 on 假, and BM25's IDF keeps common characters cheap;
 * - Latin and digit runs as they are written and in their parts (latin-terms.ts: `gpt-4` also
 *   gives `gpt4`, `gpt`, `4`), English words Porter-stemmed (lasts → last);
 * - a number with the Han character after it as its unit (`2024年` and `2024 年` both give
 *   `2024年`);
 * - punctuation and stop words dropped. Deterministic; terms never contain spaces.
 * The same function makes a query's terms, so whichever way either side is written, they meet.
 */
export function searchTerms(text: string): string[] {
  // jieba is called once per text, on its Han runs joined by newlines, not once per run:
  // each native call costs tens of µs, which made segmentation most of the ingestion time
  const pieces: (string | number)[] = [];
  const hanRuns: string[] = [];
  let previous: Token | undefined;
  const folded = text.normalize('NFKC').toLowerCase();
  for (const match of folded.matchAll(runs)) {
    const run = match[0];
    const gap = previous ? gapBetween(folded, previous.end, match.index) : -1;
    if (match[1] !== undefined) {
      if (previous && gap >= 0) for (const term of unitTerms(previous, run[0]!)) pieces.push(term);
      pieces.push(hanRuns.length);
      hanRuns.push(run);
      previous = undefined;
    } else {
      previous = latinTerms(run, match.index + run.length, gap === 1 ? previous : undefined, pieces);
    }
  }
  const words = segmentRuns(hanRuns);
  const terms: string[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      terms.push(piece);
      continue;
    }
    for (const word of words[piece] ?? []) {
      if (stopWords.has(word)) continue;
      terms.push(word);
      if (word.length > 1) for (const character of word) if (!stopWords.has(character)) terms.push(character);
    }
  }
  return terms;
}

/** 0 when two runs touch, 1 when one space parts them, -1 otherwise. */
function gapBetween(text: string, end: number, start: number): number {
  if (start === end) return 0;
  return start === end + 1 && text[end] === ' ' ? 1 : -1;
}

/** jieba's words of each run; a newline is never inside a run, so it marks where one ends. */
function segmentRuns(hanRuns: readonly string[]): string[][] {
  if (hanRuns.length === 0) return [];
  const words: string[][] = [[]];
  for (const word of segmenter().cutForSearch(hanRuns.join('\n'), true)) {
    if (word === '\n') words.push([]);
    else if (word.trim() !== '') words.at(-1)!.push(word);
  }
  return words;
}

/** Terms of a query: the same as a document's, so both sides meet in the index. */
export function queryTerms(query: string): string[] {
  return searchTerms(query);
}
