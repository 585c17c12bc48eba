import { collapseSpacedLetters } from './collapse-spaced-letters';
import { foldCodePoint, isInvisibleCodePoint } from './fold-char';

/** spaces or filler between Chinese or Japanese characters ("忽 略 以 上") */
const cjkSpacing = /(?<=[\u3040-\u30ff\u3400-\u9fff])[ \t*·._~-]+(?=[\u3040-\u30ff\u3400-\u9fff])/g;
/** hyphens inside a word: "dis-re-gard" is "disregard" (and "role-play" is "roleplay") */
const inWordHyphen = /(?<=\p{L})-(?=\p{L})/gu;
const charCache = new Map<number, string>();

/**
 * The text both injection signals read: NFKC, lower case, look-alike letters folded to
 * Latin, traditional Chinese to simplified (all via the moderation fold), invisible characters
 * dropped, words spelt letter by letter joined, runs of spaces made one. Punctuation and line
 * breaks stay, since patterns and sentence splitting need them.
 */
export function injectionView(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    let folded = charCache.get(cp);
    if (folded === undefined) {
      folded = viewChar(cp);
      charCache.set(cp, folded);
    }
    out += folded;
  }
  return collapseSpacedLetters(out)
    .replace(inWordHyphen, '')
    .replace(cjkSpacing, '')
    .replace(/[^\S\n]+/g, ' ');
}

/**
 * One character of the view. Lower case comes first, so a Cyrillic "І" reads as the "i" it
 * imitates here (the moderation fold maps the capital to "l", its look-alike in the
 * confusables data). A character that is no letter or digit stays as NFKC punctuation or
 * one kind of space; invisible ones go.
 */
function viewChar(cp: number): string {
  let folded = '';
  for (const char of String.fromCodePoint(cp).toLowerCase()) folded += foldCodePoint(char.codePointAt(0)!);
  if (folded !== '' || isInvisibleCodePoint(cp)) return folded;
  const s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  if (!/^\s+$/u.test(s)) return s;
  return s.includes('\n') || cp === 0x2028 || cp === 0x2029 ? '\n' : ' ';
}
