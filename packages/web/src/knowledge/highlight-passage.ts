export interface PassagePart {
  text: string;
  mark: boolean;
}

// after Chinese sentence ends, newlines, and an ASCII full stop that a space follows
const sentenceBreak = /(?<=[。！？；!?;\n]|\.(?=\s))/u;

/**
 * The passage split into sentences, marking the ones the citing sentence draws on: those that
 * share the most character bigrams with it (bigrams work for Chinese without segmentation and
 * for English alike). Nothing is marked when the quote shares nothing with the passage.
 */
export function highlightPassage(passage: string, quote: string): PassagePart[] {
  const sentences = passage.split(sentenceBreak).filter(Boolean);
  const wanted = bigrams(quote);
  const scores = sentences.map((sentence) => {
    const grams = bigrams(sentence);
    if (grams.size === 0) return 0;
    let shared = 0;
    for (const gram of grams) if (wanted.has(gram)) shared++;
    return shared < 2 ? 0 : shared / grams.size;
  });
  const best = Math.max(0, ...scores);
  const threshold = Math.max(0.25, best * 0.6);
  return sentences.map((text, i) => ({ text, mark: best > 0 && scores[i]! >= threshold }));
}

function bigrams(text: string): Set<string> {
  const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) grams.add(clean.slice(i, i + 2));
  return grams;
}
