import { detectPii, type PiiHit, type PiiVault } from '@qiao/core';

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
    const segmentAt = (at: number) => offsets.findLastIndex((offset) => offset <= at);
    for (const hit of detectPii(segments.join(''))) {
      // only what straddles a boundary: the rest was found piece by piece
      if (segmentAt(hit.start) !== segmentAt(hit.end - 1))
        spans.push({ hit, start: hit.start, end: hit.end });
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
