import { expect, test } from 'vitest';
import { detectPii } from './pii-detect';
import { type HeldOutCase, heldOutCases } from './pii-heldout';

/** Forms the detector does not claim to read: ordinary punctuation or a line between digits, bare words. */
const unclaimed = /^(?:separator:(?:comma|tilde|pipe|newline|katakana ー)|at: at |dot: dot )$/;

const found = (c: HeldOutCase) => {
  const hits = detectPii(c.text);
  if (!c.value) return hits.length === 0;
  const start = c.text.indexOf(c.value);
  const end = start + c.value.length;
  return hits.some((h) => h.type === c.kind && h.start <= start && h.end >= end);
};

test('held-out battery: kind × separator × grouping × context × digit script, and broken look-alikes', () => {
  const cases = heldOutCases();
  const byClass = new Map<string, { n: number; ok: number }>();
  let [positives, detected, claimed, claimedDetected, broken, brokenFound] = [0, 0, 0, 0, 0, 0];
  for (const c of cases) {
    const ok = found(c);
    if (c.value) {
      positives++;
      if (ok) detected++;
      if (!c.classes.some((k) => unclaimed.test(k))) {
        claimed++;
        if (ok) claimedDetected++;
      }
      for (const k of c.classes) {
        const row = byClass.get(k) ?? { n: 0, ok: 0 };
        row.n++;
        if (ok) row.ok++;
        byClass.set(k, row);
      }
    } else {
      broken++;
      if (!ok) brokenFound++;
    }
  }
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
  console.log(
    [
      `held-out: ${cases.length} cases; detected ${detected}/${positives} (${pct(detected, positives)});`,
      `  forms it claims: ${claimedDetected}/${claimed} (${pct(claimedDetected, claimed)});`,
      `  broken look-alikes (wrong check digit) reported: ${brokenFound}/${broken}`,
      'classes below 100%:',
      ...[...byClass]
        .filter(([, r]) => r.ok < r.n)
        .sort(([, a], [, b]) => a.ok / a.n - b.ok / b.n)
        .map(([k, r]) => `  ${k}: ${r.ok}/${r.n} (${pct(r.ok, r.n)})`),
    ].join('\n'),
  );
  // floors at the first honest measurement, so a regression shows; not targets
  expect(detected / positives).toBeGreaterThanOrEqual(0.8);
  expect(claimedDetected / claimed).toBeGreaterThanOrEqual(0.9);
  expect(brokenFound / broken).toBeLessThanOrEqual(0.005);
});
