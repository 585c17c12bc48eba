import { simplifiedChar } from './traditional-to-simplified';

/**
 * Latin look-alikes from other scripts that NFKC leaves alone (Cyrillic and Greek letters
 * used to dodge a Latin term). Kept short: only letters that are visually identical.
 */
const confusables: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
};

const wordChar = /[\p{L}\p{N}]/u;
const bmp = new Int32Array(65536);
const SKIP = -1;
const MULTI = -2;
const multi = new Map<number, string>();

/**
 * The canonical form of one code point for matching: NFKC (full-width, circled and
 * mathematical letters), lower case, look-alike letters, traditional → simplified. Returns ''
 * for anything that is not a letter or digit (spaces, punctuation, symbols, zero-width and
 * combining characters), which matching skips so that "法*轮*功" still reads as one term.
 * Results are cached per code point: the work is done once per distinct character.
 */
export function foldCodePoint(cp: number): string {
  if (cp < 65536) {
    const cached = bmp[cp]!;
    if (cached > 0) return String.fromCharCode(cached);
    if (cached === SKIP) return '';
    if (cached === MULTI) return multi.get(cp)!;
    const folded = computeFold(cp);
    if (folded === '') bmp[cp] = SKIP;
    else if (folded.length === 1) bmp[cp] = folded.charCodeAt(0);
    else {
      bmp[cp] = MULTI;
      multi.set(cp, folded);
    }
    return folded;
  }
  let folded = multi.get(cp);
  if (folded === undefined) {
    folded = computeFold(cp);
    multi.set(cp, folded);
  }
  return folded;
}

/**
 * The fold of `cp` as one UTF-16 unit when it is one (the common case, no string made),
 * -1 when it folds to nothing, -2 when `foldCodePoint` must be asked for a longer result.
 */
export function foldUnit(cp: number): number {
  if (cp >= 65536) return -2;
  let cached = bmp[cp]!;
  if (cached === 0) {
    foldCodePoint(cp);
    cached = bmp[cp]!;
  }
  return cached;
}

function computeFold(cp: number): string {
  let out = '';
  for (const char of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
    if (!wordChar.test(char)) continue;
    out += simplifiedChar(confusables[char] ?? char);
  }
  return out;
}

/** True for a folded ASCII letter or digit: Latin terms must start and end on a word boundary. */
export function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const invisible = /[\p{Cf}\p{Mn}\p{Me}]/u;
/** 0 unknown, 1 invisible, 2 visible */
const invisibleBmp = new Uint8Array(65536);

/**
 * Zero-width, format and combining characters: they neither join nor separate words, so
 * "de\u200bfraud" is still the word "defraud" while "f\u200br\u200ba\u200bu\u200bd" is "fraud".
 */
export function isInvisibleCodePoint(cp: number): boolean {
  if (cp >= 65536) return invisible.test(String.fromCodePoint(cp));
  let known = invisibleBmp[cp]!;
  if (known === 0) {
    known = invisible.test(String.fromCharCode(cp)) ? 1 : 2;
    invisibleBmp[cp] = known;
  }
  return known === 1;
}
