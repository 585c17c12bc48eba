import { attackExemplars, benignExemplars } from './injection-exemplars';
import { featureBits, type InjectionFeatures, injectionFeatures } from './injection-features';

/**
 * A concept feature's value relative to an n-gram's. All features of a sentence are scaled to
 * unit length together, so concepts weigh much in a short, dense order and little in a long
 * sentence of a manual that happens to mention "command", "output" and "previous".
 */
const conceptWeight = 4;
const unitScale = (x: InjectionFeatures) =>
  1 / Math.sqrt(x.grams.length + conceptWeight * conceptWeight * x.concepts.length || 1);

import { injectionView } from './injection-view';

export interface ExemplarModel {
  weights: Float32Array;
  bias: number;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

/**
 * Logistic regression over hashed n-grams, trained by plain SGD with a fixed shuffle (the same
 * exemplars always give the same model). A few hundred sentences train in milliseconds, so
 * the model is built from the exemplars at first use instead of shipping weights.
 */
export function trainExemplarModel(
  attacks: readonly string[],
  benign: readonly string[],
  { epochs = 40, rate = 0.4, l2 = 1e-3 }: TrainOptions = {},
): ExemplarModel {
  const rows = [
    ...attacks.map((t) => ({ x: injectionFeatures(injectionView(t)), y: 1 })),
    ...benign.map((t) => ({ x: injectionFeatures(injectionView(t)), y: 0 })),
  ];
  const weights = new Float32Array(1 << featureBits);
  let bias = 0;
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const step = rate / (1 + epoch * 0.1);
    for (const { x, y } of rows) {
      const scale = unitScale(x);
      const gradient = probability({ weights, bias }, x) - y;
      const decay = 1 - step * l2;
      const { grams, concepts } = x;
      for (let i = 0; i < grams.length; i++) {
        const k = grams[i]!;
        weights[k] = weights[k]! * decay - step * gradient * scale;
      }
      for (let i = 0; i < concepts.length; i++) {
        const k = concepts[i]!;
        weights[k] = weights[k]! * decay - step * gradient * scale * conceptWeight;
      }
      bias -= step * gradient;
    }
  }
  return { weights, bias };
}

/** P(attack) for one sentence's features; the n-grams are scaled to unit length together. */
export function probability(model: ExemplarModel, x: InjectionFeatures): number {
  const { weights } = model;
  let grams = 0;
  for (let i = 0; i < x.grams.length; i++) grams += weights[x.grams[i]!]!;
  let concepts = 0;
  for (let i = 0; i < x.concepts.length; i++) concepts += weights[x.concepts[i]!]!;
  const z = model.bias + (grams + concepts * conceptWeight) * unitScale(x);
  return 1 / (1 + Math.exp(-z));
}

let trained: ExemplarModel | undefined;

/** The model trained on injection-exemplars.ts, built once per process on first use. */
export function exemplarModel(): ExemplarModel {
  trained ??= trainExemplarModel(attackExemplars, benignExemplars);
  return trained;
}
