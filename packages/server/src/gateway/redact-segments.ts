import { detectPii, type PiiHit, type PiiVault } from '@qiao/core';

/** Characters read on each side of a boundary between pieces: longer than any value split by one. */
const boundaryWindow = 64;
/**
 * A number or an e-mail address split by a boundary leaves a digit (of any script, or Chinese
 * numerals) or an at-sign form near it: a window without one is not read.
 */
const splittable = /[\p{Nd}@＠]|[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖]{2}|%40|[[(]at[\])]/iu;

interface Span {
  hit: PiiHit;
  /** in the joined text */
  start: number;
  end: number;
}

/**
 * Redacts pieces of text that a model reads one after the other (the text parts of a
 * message, the messages of a thread): a phone number split over two parts is found in the
 * joined text and replaced where it starts, its tail removed from the next piece. Each piece is
 * also checked alone, so a number glued to the next piece's digits is not lost.
 */
export function redactSegments(
  segments: readonly string[],
  vault: PiiVault,
): { segments: string[]; hits: PiiHit[] } {
  const offsets: number[] = [];
  let length = 0;
  for (const segment of segments) {
    offsets.push(length);
    length += segment.length;
  }
  const spans: Span[] = [];
  segments.forEach((segment, i) => {
    for (const hit of detectPii(segment))
      spans.push({ hit, start: offsets[i]! + hit.start, end: offsets[i]! + hit.end });
  });
  if (segments.length > 1) {
    // only what straddles a boundary is new (the rest was found piece by piece): a window
    // around each boundary is read, not the whole thread again
    const joined = segments.join('');
    for (const boundary of new Set(offsets.slice(1))) {
      const from = Math.max(0, boundary - boundaryWindow);
      const to = Math.min(joined.length, boundary + boundaryWindow);
      const window = joined.slice(from, to);
      if (!splittable.test(window)) continue;
      for (const hit of detectPii(window)) {
        const start = from + hit.start;
        const end = from + hit.end;
        // a hit touching a cut edge of the window may be part of something longer
        const whole = (start > from || from === 0) && (end < to || to === joined.length);
        if (whole && start < boundary && end > boundary) spans.push({ hit, start, end });
      }
    }
  }
  if (spans.length === 0) return { segments: [...segments], hits: [] };
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) if (!kept.length || span.start >= kept.at(-1)!.end) kept.push(span);

  const out = segments.map((segment, i) => {
    const from = offsets[i]!;
    const to = from + segment.length;
    let text = '';
    let at = from;
    for (const span of kept) {
      if (span.end <= from || span.start >= to) continue;
      text += segment.slice(at - from, Math.max(span.start, from) - from);
      // the placeholder goes where the value starts; its other pieces vanish
      if (span.start >= from) text += vault.placeholderFor(span.hit.type, span.hit.value);
      at = Math.min(span.end, to);
    }
    return text + segment.slice(at - from);
  });
  return { segments: out, hits: kept.map((span) => span.hit) };
}
