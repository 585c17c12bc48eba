import { AhoCorasick } from './aho-corasick';
import { foldCodePoint, foldUnit, isAsciiWordCode, isInvisibleCodePoint } from './fold-char';
import { entityAt } from './html-entity';
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
  readonly #reversed: () => AhoCorasick;
  #reversedAutomaton: AhoCorasick | undefined;

  /** `wordBoundaries: false` matches Latin terms anywhere (for fragments cut mid-word) */
  constructor(entries: readonly TermEntry<T>[], options: { wordBoundaries?: boolean } = {}) {
    const bounded = options.wordBoundaries ?? true;
    const normalized = entries.map((entry) => normalizeTerm(entry.term));
    this.#entries = entries;
    this.#automaton = new AhoCorasick(normalized);
    this.#bounded = Uint8Array.from(normalized, (term) =>
      bounded && term.length > 0 && [...term].every((c) => isAsciiWordCode(c.charCodeAt(0))) ? 1 : 0,
    );
    // Inside a right-to-left override (U+202E) text is drawn backwards: "\u202e毒冰" shows as
    // 冰毒. The terms are also compiled reversed, on first need: overrides are rare, and a
    // second automaton stepped only inside them keeps ordinary text at full speed.
    this.#reversed = () => {
      this.#reversedAutomaton ??= new AhoCorasick(
        normalized.map((term) => {
          const backwards = [...term].reverse().join('');
          return backwards === term ? '' : backwards;
        }),
      );
      return this.#reversedAutomaton;
    };
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
    return new TermMatchStream(this.#automaton, this.#reversed, this.#entries, this.#bounded);
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
  /** the last unit read, how many times in a row, and the state before its first repeat */
  #lastUnit = -1;
  #run = 0;
  #beforeRepeat: { node: number; count: number } | undefined;
  /** the right-to-left override the text is in (a number per override), 0 outside one */
  #override = 0;
  #overrides = 0;
  #reversedNode = 0;
  /** a trailing high surrogate or the start of a character reference, waiting for the rest */
  #carry = '';
  readonly #ringSize: number;
  readonly #starts: Float64Array;
  readonly #leftWord: Uint8Array;
  readonly #overrideOf: Float64Array;
  #pending: TermMatch<T>[] = [];

  constructor(
    private readonly automaton: AhoCorasick,
    private readonly reversed: () => AhoCorasick,
    private readonly entries: readonly TermEntry<T>[],
    private readonly bounded: Uint8Array,
  ) {
    this.#ringSize = Math.max(1, automaton.maxDepth);
    this.#starts = new Float64Array(this.#ringSize);
    this.#leftWord = new Uint8Array(this.#ringSize);
    this.#overrideOf = new Float64Array(this.#ringSize);
  }

  write(chunk: string): TermMatch<T>[] {
    this.#offset += chunk.length;
    return this.#read(chunk, false);
  }

  end(): TermMatch<T>[] {
    const out = this.#read('', true);
    this.#settlePending(false, out);
    return out;
  }

  #read(chunk: string, final: boolean): TermMatch<T>[] {
    const base = this.#offset - chunk.length - this.#carry.length;
    const text = this.#carry + chunk;
    this.#carry = '';
    const out: TermMatch<T>[] = [];
    let i = 0;
    while (i < text.length) {
      let cp = text.codePointAt(i)!;
      let width = cp > 0xffff ? 2 : 1;
      if (width === 1 && cp >= 0xd800 && cp <= 0xdbff && i === text.length - 1 && !final) {
        this.#carry = text.slice(i);
        break;
      }
      if (cp === 0x26 || cp === 0x5c) {
        const entity = entityAt(text, i, final);
        if (entity === 'partial') {
          this.#carry = text.slice(i);
          break;
        }
        if (entity) ({ cp, length: width } = entity);
      }
      this.#readCodePoint(cp, base + i, base + i + width, out);
      i += width;
    }
    return out;
  }

  #readCodePoint(cp: number, start: number, end: number, out: TermMatch<T>[]): void {
    const unit = cp < 128 ? asciiUnits[cp]! : foldUnit(cp);
    if (unit >= 0) this.#readUnit(unit, start, end, out);
    else if (unit === -1) {
      if (
        cp === 0x202e ||
        ((cp === 0x202c || cp === 0x202d || cp === 0x0a || cp === 0x2029) && this.#override)
      ) {
        this.#override = cp === 0x202e ? ++this.#overrides : 0;
        this.#reversedNode = 0;
      }
      if (cp < 128 || !isInvisibleCodePoint(cp)) {
        this.#settlePending(false, out);
        this.#lastWord = false;
      }
    } else {
      const folded = foldCodePoint(cp);
      for (let k = 0; k < folded.length; k++) this.#readUnit(folded.charCodeAt(k), start, end, out);
    }
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
    const node = this.#node;
    const next = this.automaton.step(node, unit);
    if (this.#stretched(unit, node, next)) return;
    if (this.#pending.length > 0) this.#settlePending(isWord, out);
    const slot = this.#count % this.#ringSize;
    this.#starts[slot] = start;
    this.#leftWord[slot] = this.#lastWord ? 1 : 0;
    this.#overrideOf[slot] = this.#override;
    this.#count++;
    this.#lastWord = isWord;
    this.#node = next;
    if (this.#override !== 0) this.#readReversed(unit, end, out);
    if (!this.automaton.hasOutput(next)) return;
    this.automaton.emit(next, (id, length) => this.#found(id, length, end, out));
  }

  /** Inside an override: the reversed terms, each counting only when all of it lies inside this one. */
  #readReversed(unit: number, end: number, out: TermMatch<T>[]): void {
    const reversed = this.reversed();
    this.#reversedNode = reversed.step(this.#reversedNode, unit);
    if (!reversed.hasOutput(this.#reversedNode)) return;
    reversed.emit(this.#reversedNode, (id, length) => {
      if (this.#overrideOf[(this.#count - length) % this.#ringSize] === this.#override)
        this.#found(id, length, end, out);
    });
  }

  #found(id: number, length: number, end: number, out: TermMatch<T>[]): void {
    const first = (this.#count - length) % this.#ringSize;
    const entry = this.entries[id]!;
    const match = { term: entry.term, data: entry.data, start: this.#starts[first]!, end };
    if (!this.bounded[id]) out.push(match);
    else if (!this.#leftWord[first]) this.#pending.push(match);
  }

  /**
   * A letter repeated inside a partly read term stretches it ("frrraud", "法轮轮功") when
   * reading it normally would lose the progress: the state before the first repeat is kept
   * and the repeats are skipped. Latin letters must repeat three times ("lässt" is not "last",
   * "spécifiées" not "specifies"), and a complete term is never stretched ("as" is not in "ass").
   */
  #stretched(unit: number, node: number, next: number): boolean {
    if (unit !== this.#lastUnit) {
      this.#lastUnit = unit;
      this.#run = 1;
      this.#beforeRepeat = undefined;
      return false;
    }
    this.#run++;
    const losesProgress =
      node !== 0 &&
      !this.automaton.hasOutput(node) &&
      this.automaton.depth(next) < this.automaton.depth(node);
    if (!this.#beforeRepeat && losesProgress) this.#beforeRepeat = { node, count: this.#count };
    if (!this.#beforeRepeat || this.#run < (isAsciiWordCode(unit) ? 3 : 2)) return false;
    this.#node = this.#beforeRepeat.node;
    this.#count = this.#beforeRepeat.count;
    return true;
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
