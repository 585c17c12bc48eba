import { AhoCorasick } from './aho-corasick';
import { foldCodePoint, foldUnit, isAsciiWordCode, isInvisibleCodePoint } from './fold-char';
import { normalizeTerm } from './normalize-for-match';

export interface TermEntry<T> {
  term: string;
  data: T;
}

/** One occurrence of a term, with its span in the ORIGINAL text (UTF-16 offsets). */
export interface TermMatch<T> {
  term: string;
  data: T;
  start: number;
  end: number;
}

/** Matches across chunks: offsets count from the start of the first chunk written. */
export interface MatchStream<T> {
  write(chunk: string): TermMatch<T>[];
  end(): TermMatch<T>[];
  /**
   * Text before this offset can no longer be part of a future match: everything written
   * after it may still be (up to the longest term, separators included).
   */
  safeOffset(): number;
}

/**
 * A compiled lexicon. Terms and text are compared in their normalized form (see
 * `normalizeForMatch`); a term made only of Latin letters and digits must also sit on word
 * boundaries, so "anal" does not fire inside "analysis".
 */
export class TermMatcher<T> {
  readonly #automaton: AhoCorasick;
  readonly #entries: readonly TermEntry<T>[];
  readonly #bounded: Uint8Array;

  /** `wordBoundaries: false` matches Latin terms anywhere (for fragments cut mid-word) */
  constructor(entries: readonly TermEntry<T>[], options: { wordBoundaries?: boolean } = {}) {
    const bounded = options.wordBoundaries ?? true;
    const normalized = entries.map((entry) => normalizeTerm(entry.term));
    this.#entries = entries;
    this.#automaton = new AhoCorasick(normalized);
    this.#bounded = Uint8Array.from(normalized, (term) =>
      bounded && term.length > 0 && [...term].every((c) => isAsciiWordCode(c.charCodeAt(0))) ? 1 : 0,
    );
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The longest term, in normalized UTF-16 units. */
  get maxLength(): number {
    return this.#automaton.maxDepth;
  }

  scan(text: string): TermMatch<T>[] {
    const stream = this.stream();
    return [...stream.write(text), ...stream.end()];
  }

  stream(): MatchStream<T> {
    return new TermMatchStream(this.#automaton, this.#entries, this.#bounded);
  }
}

class TermMatchStream<T> implements MatchStream<T> {
  #node = 0;
  /** normalized units read so far */
  #count = 0;
  /** original offset of the next chunk */
  #offset = 0;
  /** the last unit read was an ASCII letter/digit with no separator after it */
  #lastWord = false;
  /** a trailing high surrogate waiting for its pair */
  #carry = '';
  readonly #ringSize: number;
  readonly #starts: Float64Array;
  readonly #leftWord: Uint8Array;
  #pending: TermMatch<T>[] = [];

  constructor(
    private readonly automaton: AhoCorasick,
    private readonly entries: readonly TermEntry<T>[],
    private readonly bounded: Uint8Array,
  ) {
    this.#ringSize = Math.max(1, automaton.maxDepth);
    this.#starts = new Float64Array(this.#ringSize);
    this.#leftWord = new Uint8Array(this.#ringSize);
  }

  write(chunk: string): TermMatch<T>[] {
    const base = this.#offset - this.#carry.length;
    const text = this.#carry + chunk;
    this.#offset += chunk.length;
    this.#carry = '';
    const out: TermMatch<T>[] = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (width === 1 && cp >= 0xd800 && cp <= 0xdbff && i === text.length - 1) {
        this.#carry = text.slice(i);
        break;
      }
      const unit = cp < 128 ? asciiUnits[cp]! : foldUnit(cp);
      if (unit >= 0) this.#readUnit(unit, base + i, base + i + width, out);
      else if (unit === -1) {
        if (cp < 128 || !isInvisibleCodePoint(cp)) {
          this.#settlePending(false, out);
          this.#lastWord = false;
        }
      } else {
        const folded = foldCodePoint(cp);
        for (let k = 0; k < folded.length; k++) {
          this.#readUnit(folded.charCodeAt(k), base + i, base + i + width, out);
        }
      }
      i += width;
    }
    return out;
  }

  end(): TermMatch<T>[] {
    const out: TermMatch<T>[] = [];
    this.#settlePending(false, out);
    return out;
  }

  safeOffset(): number {
    const keep = this.#ringSize - 1;
    let safe = this.#offset - this.#carry.length;
    if (keep > 0 && this.#count > 0) {
      const first = Math.max(0, this.#count - keep);
      safe = first < this.#count ? this.#starts[first % this.#ringSize]! : safe;
    }
    for (const match of this.#pending) safe = Math.min(safe, match.start);
    return safe;
  }

  #readUnit(unit: number, start: number, end: number, out: TermMatch<T>[]): void {
    const isWord = isAsciiWordCode(unit);
    if (this.#pending.length > 0) this.#settlePending(isWord, out);
    const slot = this.#count % this.#ringSize;
    this.#starts[slot] = start;
    this.#leftWord[slot] = this.#lastWord ? 1 : 0;
    this.#count++;
    this.#lastWord = isWord;
    this.#node = this.automaton.step(this.#node, unit);
    if (!this.automaton.hasOutput(this.#node)) return;
    this.automaton.emit(this.#node, (id, length) => {
      const first = (this.#count - length) % this.#ringSize;
      const entry = this.entries[id]!;
      const match = { term: entry.term, data: entry.data, start: this.#starts[first]!, end };
      if (!this.bounded[id]) out.push(match);
      else if (!this.#leftWord[first]) this.#pending.push(match);
    });
  }

  /** Latin terms wait for the next character to know if they end on a word boundary. */
  #settlePending(nextIsWord: boolean, out: TermMatch<T>[]): void {
    if (!nextIsWord) out.push(...this.#pending);
    this.#pending = [];
  }
}

/** ASCII folds: lower-case letters and digits, -1 for everything else (separators). */
const asciiUnits = Int32Array.from({ length: 128 }, (_, cp) => {
  const c = String.fromCharCode(cp).toLowerCase();
  return /[a-z0-9]/.test(c) ? c.charCodeAt(0) : -1;
});
