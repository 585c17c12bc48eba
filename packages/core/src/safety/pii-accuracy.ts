import { detectPii, type PiiType, piiTypes } from './pii-detect';
import { piiSamples } from './pii-samples';

export interface PiiAccuracy {
  type: PiiType;
  samples: number;
  recall: number;
  precision: number;
}

/**
 * Recall and precision of each detector on generated samples. A hit counts as a true positive
 * only with the exact expected value; any other hit of that type is a false positive.
 */
export function measurePiiAccuracy(perType = 1000): PiiAccuracy[] {
  const tp = new Map<PiiType, number>();
  const fp = new Map<PiiType, number>();
  const expected = new Map<PiiType, number>();
  const add = (map: Map<PiiType, number>, type: PiiType) => map.set(type, (map.get(type) ?? 0) + 1);
  for (const type of piiTypes) {
    for (const sample of piiSamples(type, perType)) {
      if (sample.value) add(expected, type);
      let found = false;
      for (const hit of detectPii(sample.text)) {
        if (!found && hit.type === sample.type && hit.value === sample.value) {
          found = true;
          add(tp, hit.type);
        } else add(fp, hit.type);
      }
    }
  }
  return piiTypes.map((type) => {
    const t = tp.get(type) ?? 0;
    const f = fp.get(type) ?? 0;
    return {
      type,
      samples: perType * 2,
      recall: t / (expected.get(type) ?? 1),
      precision: t + f === 0 ? 1 : t / (t + f),
    };
  });
}
