import { afterAll, expect, test } from 'vitest';
import { chineseManPageLines, debianReferenceLines, debianTextMissing } from '../../test/debian-text';
import { detectInjection, injectionFlagThreshold, warmInjectionDetector } from './detect-injection';
import { attackExemplars, benignExemplars } from './injection-exemplars';
import {
  heldOutAttacks,
  heldOutAttacksB,
  heldOutAttacksC,
  heldOutBenign,
  heldOutBenignB,
  heldOutBenignC,
} from './injection-heldout';
import { injectionView } from './injection-view';

const flagged = (texts: readonly string[]) =>
  texts.filter((t) => detectInjection(t).score >= injectionFlagThreshold);
const figures: string[] = [];
afterAll(() => console.log(`prompt-injection held-out: ${figures.join('; ')}`));

test('the held-out set shares no sentence with the training exemplars', () => {
  const trained = new Set([...attackExemplars, ...benignExemplars].map(injectionView));
  const heldOut = [
    ...[heldOutAttacks, heldOutAttacksB, heldOutAttacksC],
    ...[heldOutBenign, heldOutBenignB, heldOutBenignC],
  ].flat();
  const shared = heldOut.filter((t) => trained.has(injectionView(t)));
  expect(shared).toEqual([]);
});

// A and B were looked at while the classifier was built; C was written after and measured once
// (5/36 → 16/36): the honest figure for phrasings nobody taught it. Floors, not targets.
test('held-out attacks are flagged: paraphrases, traditional, look-alikes, spacing, ja, ko', () => {
  const rates = [
    ['A', heldOutAttacks, 0.7],
    ['B', heldOutAttacksB, 0.7],
    ['C', heldOutAttacksC, 0.3],
  ] as const;
  const counts = rates.map(([name, texts]) => `${name} ${flagged(texts).length}/${texts.length}`);
  figures.push(`attacks detected ${counts.join(', ')}`);
  for (const [, texts, floor] of rates)
    expect(flagged(texts).length / texts.length).toBeGreaterThanOrEqual(floor);
});

test('few held-out benign texts are flagged (questions, manuals, service chat, articles on injection)', () => {
  const sets = [
    ['A', heldOutBenign],
    ['B', heldOutBenignB],
    ['C', heldOutBenignC],
  ] as const;
  figures.push(
    `benign flagged ${sets.map(([name, texts]) => `${name} ${flagged(texts).length}/${texts.length}`).join(', ')}`,
  );
  for (const [, texts] of sets) expect(flagged(texts).length / texts.length).toBeLessThanOrEqual(0.06);
});

test.skipIf(debianTextMissing)(
  'real Chinese text (Debian Reference, man pages) is almost never flagged',
  () => {
    const lines = [...debianReferenceLines(), ...chineseManPageLines()];
    const started = performance.now();
    const hits = flagged(lines);
    const perLine = (performance.now() - started) / lines.length;
    figures.push(
      `Debian lines flagged ${hits.length}/${lines.length} (${(perLine * 1000).toFixed(0)} µs a line)`,
    );
    expect(hits.length / lines.length).toBeLessThanOrEqual(0.001);
  },
);

// Well under a millisecond on a quiet machine (~60 µs); the bound leaves room for a busy CI.
test('scoring a message takes well under a millisecond', () => {
  const texts = [
    heldOutAttacks,
    heldOutAttacksB,
    heldOutAttacksC,
    heldOutBenign,
    heldOutBenignB,
    heldOutBenignC,
  ].flat();
  warmInjectionDetector();
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const t of texts) detectInjection(t);
  const perMessage = (performance.now() - started) / (texts.length * 5);
  figures.push(`${(perMessage * 1000).toFixed(0)} µs a message`);
  expect(perMessage).toBeLessThan(2);
});
