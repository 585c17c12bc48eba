const marker = /\[(\d{1,2})\]/g;
const sentenceEnd = /[。！？；!?;\n]/;

export interface CitePart {
  index: number;
  quote: string;
}

/** Text split around its markers; each marker carries the sentence it ends. */
export function splitCitations(text: string): (string | CitePart)[] {
  const parts: (string | CitePart)[] = [];
  let last = 0;
  let quote = '';
  for (const match of text.matchAll(marker)) {
    const before = text.slice(last, match.index);
    if (before) parts.push(before);
    const sentence = lastSentence(before);
    if (sentence) quote = sentence;
    parts.push({ index: Number(match[1]), quote });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function lastSentence(text: string): string {
  const trimmed = text.replace(/[\s。！？；!?;.,，、：:]+$/u, '');
  let start = trimmed.length;
  while (start > 0 && !sentenceEnd.test(trimmed[start - 1]!)) start--;
  return trimmed.slice(start).trim();
}

/** The sentence the answer cites source `index` with, for highlighting it in the passage. */
export function citingSentence(text: string, index: number): string {
  for (const part of splitCitations(text))
    if (typeof part !== 'string' && part.index === index) return part.quote;
  return '';
}
