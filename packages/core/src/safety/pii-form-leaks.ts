import type { PiiHit } from './pii-detect';
import { type FormKind, piiForms } from './pii-forms';
import { canonicalValue, sampleContexts, seededRandom } from './pii-samples';

export interface FormResult {
  kind: FormKind;
  name: string;
  samples: number;
  /** samples whose written value no hit of its kind covered whole */
  leaked: number;
  /** samples found, but with a span other than exactly the written value */
  inexact: number;
}

/**
 * Each form of `piiForms`, `perForm` values in the sample sentences, through `detect` (today's
 * `detectPii`, or an older one for the before figure). A form leaks when any of its samples
 * is not covered whole by a hit of its kind.
 */
export function measureFormLeaks(detect: (text: string) => PiiHit[], perForm = 20): FormResult[] {
  const r = seededRandom(12);
  return piiForms.map((form) => {
    let leaked = 0;
    let inexact = 0;
    for (let i = 0; i < perForm; i++) {
      const { value, before = '', after = '' } = form.write(canonicalValue(r, form.kind, form.needs));
      const context = sampleContexts[i % sampleContexts.length]!;
      const text = context(`${before}${value}${after}`);
      const start = text.indexOf(before + value) + before.length;
      const end = start + value.length;
      const hits = detect(text).filter((h) => h.type === form.kind);
      if (!hits.some((h) => h.start <= start && h.end >= end)) leaked++;
      else if (!hits.some((h) => h.start === start && h.end === end)) inexact++;
    }
    return { kind: form.kind, name: form.name, samples: perForm, leaked, inexact };
  });
}
