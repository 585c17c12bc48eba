import { afterAll, expect, test } from 'vitest';
import { chineseManPageLines, debianReferenceLines, debianTextMissing } from '../../test/debian-text';
import { detectInjection, injectionFlagThreshold } from './detect-injection';
import { attackExemplars, benignExemplars } from './injection-exemplars';
import { heldOutAttacks, heldOutBenign } from './injection-heldout';
import { injectionView } from './injection-view';

const flagged = (texts: readonly string[]) =>
  texts.filter((t) => detectInjection(t).score >= injectionFlagThreshold);
const figures: string[] = [];
afterAll(() => console.log(`prompt-injection held-out: ${figures.join('; ')}`));

test('the held-out set shares no sentence with the training exemplars', () => {
  const trained = new Set([...attackExemplars, ...benignExemplars].map(injectionView));
  const shared = [...heldOutAttacks, ...heldOutBenign].filter((t) => trained.has(injectionView(t)));
  expect(shared).toEqual([]);
});

test('most held-out attacks are flagged: paraphrases, traditional, look-alikes, spacing, ja, ko', () => {
  const hits = flagged(heldOutAttacks).length;
  figures.push(`attacks detected ${hits}/${heldOutAttacks.length}`);
  expect(hits / heldOutAttacks.length).toBeGreaterThanOrEqual(0.7);
});

test('few held-out benign texts are flagged (questions, manuals, service chat, articles on injection)', () => {
  const hits = flagged(heldOutBenign);
  figures.push(`benign flagged ${hits.length}/${heldOutBenign.length}`);
  expect(hits.length / heldOutBenign.length).toBeLessThanOrEqual(0.06);
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

test('scoring a message takes well under a millisecond', () => {
  const texts = [...heldOutAttacks, ...heldOutBenign];
  detectInjection('warm-up: trains the classifier once');
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const t of texts) detectInjection(t);
  const perMessage = (performance.now() - started) / (texts.length * 5);
  figures.push(`${(perMessage * 1000).toFixed(0)} µs a message`);
  expect(perMessage).toBeLessThan(0.5);
});
