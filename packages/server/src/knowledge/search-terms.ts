import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { stemmer } from 'stemmer';
import { stopWords } from './stop-words';

let jieba: Jieba | undefined;

// loading the dictionary takes ~0.3 s, so it happens once, on first use
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const han = /\p{Script=Han}/u;
// runs of Han characters, or of letters/digits (with inner . _ ' - as in 3.5, e-mail, don't)
const runs = /\p{Script=Han}+|[\p{L}\p{N}]+(?:[._'-][\p{L}\p{N}]+)*/gu;
const plainWord = /^[a-z]{3,}$/;

/**
 * Index terms of a text: NFKC, lower case, then
 * - Chinese through jieba's search mode (long words plus the shorter words inside them, HMM
 *   for unknown words), and the single characters of each word: a question's 休假 still meets
 *   the handbook's 年假 on 假, and BM25's IDF keeps common characters cheap;
 * - English words Porter-stemmed (lasts → last, operating → oper), numbers and versions as
 *   they are;
 * - punctuation and stop words dropped. Deterministic.
 */
export function searchTerms(text: string): string[] {
  // jieba is called once per text, on its Han runs joined by newlines, not once per run:
  // each native call costs tens of µs, which made segmentation most of the ingestion time
  const pieces: (string | number)[] = [];
  const hanRuns: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(runs)) {
    const run = match[0];
    if (han.test(run[0]!)) {
      pieces.push(hanRuns.length);
      hanRuns.push(run);
    } else if (!stopWords.has(run)) {
      pieces.push(plainWord.test(run) ? stemmer(run) : run);
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
