import { latinLookAlike, stripMarks } from './latin-look-alike';
import { simplifiedChar } from './traditional-to-simplified';

const wordChar = /[\p{L}\p{N}]/u;
const bmp = new Int32Array(65536);
const SKIP = -1;
const MULTI = -2;
const multi = new Map<number, string>();

/**
 * The canonical form of one code point for matching: compatibility forms (full-width,
 * circled and mathematical letters), accents and other combining marks removed, lower case,
 * Latin look-alikes from Unicode's confusables data, CJK variants → simplified. Returns ''
 * for anything that is not a letter or digit (spaces, punctuation, symbols, zero-width,
 * bidi controls, Hangul fillers and other default-ignorable characters), which matching
 * skips so that "法*轮*功" still reads as one term. Results are cached per code point: the
 * work is done once per distinct character.
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
  const char = String.fromCodePoint(cp);
  if (ignorable.test(char)) return '';
  const latin = latinLookAlike(char);
  if (latin !== undefined) return latin;
  let out = '';
  for (const part of stripMarks(char)) {
    if (!wordChar.test(part)) continue;
    const lower = part.toLowerCase();
    out +=
      lower.length === 1 && lower.charCodeAt(0) < 128
        ? lower
        : (latinLookAlike(part) ?? simplifiedChar(lower));
  }
  return out;
}

/** Characters a renderer draws as nothing: Hangul fillers (ㅤ), bidi controls, variation selectors. */
const ignorable = /\p{Default_Ignorable_Code_Point}/u;

/** True for a folded ASCII letter or digit: Latin terms must start and end on a word boundary. */
export function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const invisible = /[\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]/u;
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
