import { conceptsOf } from './injection-concepts';

/** size of the hashed feature space (a power of two) */
export const featureBits = 16;
const mask = (1 << featureBits) - 1;
const wordSplit = /[^\p{L}\p{N}]+/u;

/**
 * Character 2–4-grams (they carry Chinese,
 * Japanese and Korean words and English stems alike) and English-style word 1–2-grams. Each
 * feature is a bucket index; repeats count once. Hash collisions are accepted: with 2^18
 * buckets and a few hundred features per sentence they are rare and only add noise.
 */
export interface InjectionFeatures {
  /** surface n-grams, scaled to unit length together */
  grams: Uint32Array;
  /** concepts and co-occurring pairs of them, each at full weight */
  concepts: Uint32Array;
}

/**
 * Features of one view-normalized sentence: its surface n-grams, and which of the concepts
 * (injection-concepts.ts) it holds, alone and in pairs. The pairs are what carry across
 * wordings and languages; the n-grams let the model learn what the concepts miss.
 */
export function injectionFeatures(sentence: string): InjectionFeatures {
  const found = conceptsOf(sentence);
  const concepts = new Set<number>();
  for (let i = 0; i < found.length; i++) {
    concepts.add(hashString(`c:${found[i]}`) & mask);
    for (let j = i + 1; j < found.length; j++) concepts.add(hashString(`p:${found[i]}|${found[j]}`) & mask);
  }
  return { grams: gramFeatures(sentence), concepts: Uint32Array.from(concepts) };
}

function gramFeatures(sentence: string): Uint32Array {
  const found = new Set<number>();
  const text = ` ${sentence} `;
  for (let i = 0; i < text.length - 1; i++) {
    let h = 0x811c9dc5;
    for (let n = 1; n <= 4 && i + n <= text.length; n++) {
      h = Math.imul(h ^ text.charCodeAt(i + n - 1), 0x01000193);
      if (n >= 2) found.add((h ^ n) & mask);
    }
  }
  let previous = '';
  for (const word of sentence.split(wordSplit)) {
    if (!word) continue;
    found.add(hashString(`w:${word}`) & mask);
    if (previous) found.add(hashString(`b:${previous} ${word}`) & mask);
    previous = word;
  }
  return Uint32Array.from(found);
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
