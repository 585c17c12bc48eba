import { afterAll, expect, test } from 'vitest';
import { detectInjection, injectionFlagThreshold } from './detect-injection';
import { injectionCases } from './injection-cases';

let passed = 0;

afterAll(() => {
  const attacks = injectionCases.filter((c) => c.injected).length;
  const rate = ((passed / injectionCases.length) * 100).toFixed(1);
  console.log(
    `prompt-injection suite: ${passed}/${injectionCases.length} passed (${rate}%) — ${attacks} attacks, ${injectionCases.length - attacks} benign look-alikes`,
  );
});

test('the suite has at least 100 cases over every channel and language', () => {
  expect(injectionCases.length).toBeGreaterThanOrEqual(100);
  for (const channel of ['user', 'document', 'tool'])
    for (const lang of ['zh', 'en'])
      expect(injectionCases.some((c) => c.channel === channel && c.lang === lang && c.injected)).toBe(true);
});

test.each(injectionCases.map((c, i) => ({ ...c, i })))('#$i $channel/$lang injected=$injected', (c) => {
  const finding = detectInjection(c.text);
  expect(finding.score >= injectionFlagThreshold, `${c.text} → ${JSON.stringify(finding)}`).toBe(c.injected);
  passed++;
});
