import { foldCodePoint } from './fold-char';
import { entityAt } from './html-entity';

export interface NormalizedText {
  /** the canonical form matching works on (separators removed) */
  text: string;
  /** for each UTF-16 unit of `text`, where its code point starts in the original */
  starts: number[];
  /** for each UTF-16 unit of `text`, where its code point ends in the original */
  ends: number[];
}

/**
 * Maps text to the canonical form that lexicon matching uses (character references such as
 * `&#x6BD2;` read as the character they stand for), keeping the way back: the span
 * `text.slice(i, j)` came from `original.slice(starts[i], ends[j - 1])`.
 */
export function normalizeForMatch(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    let cp = original.codePointAt(i)!;
    let width = cp > 0xffff ? 2 : 1;
    const entity = cp === 0x26 || cp === 0x5c ? entityAt(original, i, true) : undefined;
    if (entity && entity !== 'partial') ({ cp, length: width } = entity);
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    text += folded;
    i += width;
  }
  return { text, starts, ends };
}

/** The canonical form of a lexicon term (what it must equal after normalization). */
export function normalizeTerm(term: string): string {
  return normalizeForMatch(term).text;
}
