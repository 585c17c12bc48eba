import { type ExemplarModel, exemplarModel, probability } from './injection-classifier';
import { injectionFeatures } from './injection-features';

const sentenceEnd = /[。！？!?；;\n]+|\.(?=\s|$)/;
const maxWholeChars = 400;

/**
 * The classifier's P(attack) for a view-normalized text: the highest over its sentences, and
 * over the whole text when it is short. Sentence by sentence, one order hidden in a long
 * document is not diluted by the pages around it.
 */
export function exemplarScore(view: string, model: ExemplarModel = exemplarModel()): number {
  const sentences = view.split(sentenceEnd).filter((s) => /[\p{L}\p{N}]/u.test(s));
  let best = 0;
  for (const sentence of sentences)
    best = Math.max(best, probability(model, injectionFeatures(sentence.trim())));
  if (sentences.length > 1 && view.length <= maxWholeChars)
    best = Math.max(best, probability(model, injectionFeatures(view)));
  return best;
}
