import { stemmer } from 'stemmer';
import { stopWords } from './stop-words';

/** What a Latin or digit run left for the run after it (a unit, a version number). */
export interface Token {
  /** where the run ends in the folded text */
  end: number;
  /** a plain word that a number may follow: `llama 2` also gives `llama2` */
  word?: string;
  /** a number that a unit may follow, and for a range its two ends: `1-9月` gives `1月`, `9月` */
  numbers?: string[];
}

const plainWord = /^[a-z]+$/;
const digits = /^\d+$/;
const number = /^\d+(?:\.\d+)?$/;
const range = /^(\d+(?:\.\d+)?)[~-](\d+(?:\.\d+)?)$/;
// a dot parts words (sources.list, node.js) but not digits (2.5, v1.2.3)
const separator = /([_'~-]|\.(?!\d)|(?<!\d)\.)/;
const mixed = /\d.*\p{L}|\p{L}.*\d/u;
// a number keeps the letters after it as a second piece: `4o`, `72b`, `128k`
const piece = /\p{L}+|(\d+(?:\.\d+)*)(\p{L}*)/gu;
const letterHyphenDigit = /(\p{L})-(?=\d)/gu;

/**
 * Terms of one Latin/digit run (NFKC, lower case), pushed onto `out`: the run as written and
 * the parts a user may type instead, so either form meets the other —
 * `qwen2.5-72b` → qwen2.5-72b, qwen2.5, qwen, 2.5, 72b, 72; `gpt-4` → gpt4, gpt, 4;
 * `/etc/apt/sources.list` → the path, etc, apt, sources.list, sourc, list; `1,024` → 1024;
 * `30%` → 30%, 30. Words are Porter-stemmed; stop words and single letters are dropped as
 * parts but kept as compounds (`--no-install-recommends` keeps no-install-recommends).
 * `previous` is the run before when one space parts them.
 */
export function latinTerms(
  run: string,
  end: number,
  previous: Token | undefined,
  out: (string | number)[],
): Token {
  if (plainWord.test(run)) {
    if (stopWords.has(run)) return { end };
    out.push(run.length >= 3 ? stemmer(run) : run);
    // "100 ms", "72 B": the number with its unit, as `100ms` is written
    if (previous?.numbers && run.length <= 3) out.push(previous.numbers[0] + run);
    return { end, word: run };
  }
  if (digits.test(run)) return numberTerms(run, end, previous, out);
  const emitted = new Set<string>();
  const emit = (term: string) => {
    if (term === '' || emitted.has(term)) return;
    emitted.add(term);
    out.push(term);
  };
  let core = run.includes(',') ? run.replaceAll(',', '') : run;
  if (core.endsWith('%')) {
    core = core.slice(0, -1).trimEnd();
    if (number.test(core)) {
      emit(`${core}%`);
      emit(core);
      return { end };
    }
  }
  if (number.test(core)) return numberTerms(core, end, previous, out);
  const ends = range.exec(core);
  if (ends) {
    for (const term of [core, ends[1]!, ends[2]!]) emit(term);
    return { end, numbers: [core, ends[1]!, ends[2]!] };
  }
  // `gpt-4` is also written gpt4 and `utf-8` utf8: one form for both
  if (letterHyphenDigit.test(core)) core = core.replace(letterHyphenDigit, '$1');
  if (!stopWords.has(core)) emit(core);
  const components = core.split('/');
  for (const component of components) {
    if (components.length > 1 && component !== '') {
      if (separator.test(component)) emit(component);
      else emitWord(component, emit);
    }
    compoundParts(component, emit);
  }
  return { end };
}

function numberTerms(
  value: string,
  end: number,
  previous: Token | undefined,
  out: (string | number)[],
): Token {
  out.push(value);
  if (previous?.word) out.push(previous.word + value);
  return { end, numbers: [value] };
}

/** The parts of one path component: its segments and their letter and digit pieces. */
function compoundParts(component: string, emit: (term: string) => void): void {
  const split = component.split(separator);
  for (let i = 0; i < split.length; i += 2) {
    const segment = split[i]!;
    if (segment === '') continue;
    if (split.length > 1) emitWord(segment, emit);
    if (mixed.test(segment)) {
      const pieces = [...segment.matchAll(piece)];
      // a hash or an id has many pieces, none of which anyone types
      if (pieces.length <= 4)
        for (const [part, value, suffix] of pieces) {
          if (value === undefined) emitWord(part, emit);
          else {
            emit(value);
            if (suffix) emit(part);
          }
        }
    }
  }
}

function emitWord(word: string, emit: (term: string) => void): void {
  if (stopWords.has(word)) return;
  if (plainWord.test(word)) {
    if (word.length > 1) emit(word.length >= 3 ? stemmer(word) : word);
  } else if (word.length > 1 || /\d/.test(word)) emit(word);
}

/** A number with the Han character after it as its unit: `2024年`, `5.83亿`, `1-9月` (and `1月`, `9月`). */
export function unitTerms(previous: Token, han: string): string[] {
  if (!previous.numbers || stopWords.has(han)) return [];
  return previous.numbers.map((value) => value + han);
}
