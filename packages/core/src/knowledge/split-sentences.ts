/** A sentence as it appeared in the source; `lineStart` is true when a newline came before it. */
export interface SentenceUnit {
  text: string;
  lineStart: boolean;
  /** whether the source had a space before it, on its line; unknown for pieces of a cut sentence */
  spaceBefore?: boolean;
}

const cjkEnds = new Set(['。', '！', '？', '；', '…']);
const asciiEnds = new Set(['.', '!', '?', ';']);
// closing quotes/brackets belong to the sentence they close
const closers = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', ']', '》']);

/**
 * Splits text into sentences: after 。！？；… (and closing quotes), after ASCII . ! ? ; that is
 * followed by whitespace, a Chinese character or the end (so 3.5 and example.com stay whole),
 * and at every newline.
 */
export function splitSentences(text: string): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  for (const line of text.split(/\r?\n/)) {
    let lineStart = true;
    for (const piece of splitLine(line)) {
      units.push({ text: piece.trim(), lineStart, spaceBefore: /^\s/.test(piece) });
      lineStart = false;
    }
  }
  return units;
}

function splitLine(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    let end = -1;
    if (cjkEnds.has(ch)) {
      end = skipClosers(line, i + 1);
    } else if (asciiEnds.has(ch)) {
      const after = skipClosers(line, i + 1);
      // "3.5" and "example.com" go on; a space, the end or a Chinese character after it ends
      if (after >= line.length || /[\s\p{Script=Han}]/u.test(line[after]!)) end = after;
    }
    if (end === -1) {
      i++;
      continue;
    }
    pushTrimmed(out, line.slice(start, end));
    start = end;
    i = end;
  }
  pushTrimmed(out, line.slice(start));
  return out;
}

function skipClosers(line: string, from: number): number {
  let i = from;
  while (i < line.length && (closers.has(line[i]!) || cjkEnds.has(line[i]!) || asciiEnds.has(line[i]!))) i++;
  return i;
}

/** Keeps the piece's leading space (the caller records it), drops empty pieces. */
function pushTrimmed(out: string[], piece: string): void {
  if (piece.trim()) out.push(piece.trimEnd());
}

/**
 * Cuts one over-long sentence into pieces of at most `max` characters: at commas (、，, and
 * ASCII ", ") where possible, else by characters.
 */
export function splitLongSentence(sentence: string, max: number): string[] {
  const clauses = sentence.match(/[^，、,]+(?:[，、]|,(?=\s)|,|$)\s*/g) ?? [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const clause of clauses) {
    if (current && current.length + clause.length > max) {
      pieces.push(current);
      current = '';
    }
    if (clause.length > max) {
      for (let i = 0; i < clause.length; i += max) pieces.push(clause.slice(i, i + max));
      continue;
    }
    current += clause;
  }
  if (current) pieces.push(current);
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}
