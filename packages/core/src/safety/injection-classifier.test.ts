import { afterAll, expect, test } from 'vitest';
import { exemplarThreshold } from './detect-injection';
import { exemplarScore } from './exemplar-score';
import { trainExemplarModel } from './injection-classifier';
import { attackExemplars, benignExemplars } from './injection-exemplars';
import { injectionView } from './injection-view';

const figures: string[] = [];
afterAll(() => console.log(`injection classifier, 5-fold cross-validation: ${figures.join('; ')}`));

// Each fold trains on four fifths of the exemplars and scores the fifth it never saw: how the
// threshold was chosen, and a check that an edit to the exemplars keeps the model useful.
test('cross-validated on its exemplars, the classifier separates attacks from look-alikes', () => {
  const folds = 5;
  let caught = 0;
  let wronged = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = trainExemplarModel(
      attackExemplars.filter((_, i) => i % folds !== fold),
      benignExemplars.filter((_, i) => i % folds !== fold),
    );
    const held = (texts: readonly string[]) =>
      texts.filter(
        (_, i) => i % folds === fold && exemplarScore(injectionView(texts[i]!), model) >= exemplarThreshold,
      );
    caught += held(attackExemplars).length;
    wronged += held(benignExemplars).length;
  }
  figures.push(
    `attacks ${caught}/${attackExemplars.length}, benign flagged ${wronged}/${benignExemplars.length}`,
  );
  expect(caught / attackExemplars.length).toBeGreaterThanOrEqual(0.45);
  expect(wronged / benignExemplars.length).toBeLessThanOrEqual(0.04);
});

test('the same exemplars always train the same model', () => {
  const a = trainExemplarModel(attackExemplars.slice(0, 20), benignExemplars.slice(0, 20));
  const b = trainExemplarModel(attackExemplars.slice(0, 20), benignExemplars.slice(0, 20));
  expect(a.bias).toBe(b.bias);
  expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
});
