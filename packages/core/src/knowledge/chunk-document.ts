import { type SentenceUnit, splitLongSentence, splitSentences } from './split-sentences';

/** A parsed stretch of a document under one heading (and on one page, where pages exist). */
export interface ChunkInputSection {
  text: string;
  page?: number;
  headingPath?: string[];
}

export interface DocumentChunk {
  index: number;
  text: string;
  page?: number;
  headingPath: string[];
  charCount: number;
}

export interface ChunkOptions {
  /** the size a chunk grows to, in characters; only a single over-long sentence is cut */
  targetChars: number;
  /** whole sentences from the end of the previous chunk repeated at the start of the next */
  overlapChars: number;
}

/**
 * Packs whole sentences into chunks of about `targetChars`. A chunk never crosses a section,
 * so its heading path and page are exact; a sentence is cut only when it alone exceeds the
 * target (at a comma if it has one). Pure: the same input gives the same chunks.
 */
export function chunkDocument(
  sections: readonly ChunkInputSection[],
  options: ChunkOptions,
): DocumentChunk[] {
  const target = Math.max(1, Math.floor(options.targetChars));
  const overlap = Math.max(0, Math.min(Math.floor(options.overlapChars), target - 1));
  const chunks: DocumentChunk[] = [];
  for (const section of sections) {
    const units = fitUnits(splitSentences(section.text), target);
    for (const text of packUnits(units, target, overlap)) {
      chunks.push({
        index: chunks.length,
        text,
        ...(section.page === undefined ? {} : { page: section.page }),
        headingPath: [...(section.headingPath ?? [])],
        charCount: text.length,
      });
    }
  }
  return chunks;
}

function fitUnits(units: SentenceUnit[], target: number): SentenceUnit[] {
  return units.flatMap((unit) =>
    unit.text.length <= target
      ? [unit]
      : splitLongSentence(unit.text, target).map((text, i) => ({
          text,
          lineStart: i === 0 && unit.lineStart,
          ...(i === 0 && unit.spaceBefore !== undefined ? { spaceBefore: unit.spaceBefore } : {}),
        })),
  );
}

function packUnits(units: SentenceUnit[], target: number, overlap: number): string[] {
  const out: string[] = [];
  let current: SentenceUnit[] = [];
  let length = 0; // of joinUnits(current), kept as we go
  let fresh = 0; // units in `current` that no earlier chunk holds
  for (const unit of units) {
    if (fresh > 0 && length + separator(current.at(-1), unit).length + unit.text.length > target) {
      out.push(joinUnits(current));
      current = overlapTail(current, overlap);
      // the overlap gives way when it and the next sentence would not fit together
      while (current.length > 0 && joinUnits([...current, unit]).length > target) current.shift();
      length = joinUnits(current).length;
      fresh = 0;
    }
    length += separator(current.at(-1), unit).length + unit.text.length;
    current.push(unit);
    fresh++;
  }
  if (fresh > 0) out.push(joinUnits(current));
  return out;
}

function overlapTail(units: SentenceUnit[], overlap: number): SentenceUnit[] {
  const tail: SentenceUnit[] = [];
  let size = 0;
  for (let i = units.length - 1; i > 0 && overlap > 0; i--) {
    const unit = units[i]!;
    if (size + unit.text.length > overlap) break;
    tail.unshift(unit);
    size += unit.text.length + 1;
  }
  return tail;
}

/**
 * Newlines are kept, and the space the source had between two sentences ("表 9.4. 系统…" stays
 * as written); between the pieces of a cut sentence, Latin gets a space and CJK none.
 */
function joinUnits(units: readonly SentenceUnit[]): string {
  let text = '';
  units.forEach((unit, i) => {
    text += separator(units[i - 1], unit) + unit.text;
  });
  return text;
}

function separator(previous: SentenceUnit | undefined, unit: SentenceUnit): string {
  if (!previous) return '';
  if (unit.lineStart) return '\n';
  if (unit.spaceBefore !== undefined) return unit.spaceBefore ? ' ' : '';
  return needsSpace(previous.text, unit.text) ? ' ' : '';
}

const cjk = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function needsSpace(before: string, after: string): boolean {
  return !cjk.test(before.at(-1) ?? '') && !cjk.test(after[0] ?? '');
}
