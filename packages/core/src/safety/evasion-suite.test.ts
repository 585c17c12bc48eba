import { afterAll, expect, test } from 'vitest';
import { evasionCases as baseCases, evasionLexicon } from './evasion-cases';
import { unicodeEvasionCases } from './evasion-cases-unicode';
import { TermMatcher } from './term-matcher';

const evasionCases = [
  ...baseCases,
  ...unicodeEvasionCases.map((c, i) => ({ ...c, name: `${c.class} ${i + 1}: ${JSON.stringify(c.text)}` })),
];
const matcher = new TermMatcher(evasionLexicon.map((term) => ({ term, data: null })));
let passed = 0;

afterAll(() => {
  const rate = ((passed / evasionCases.length) * 100).toFixed(1);
  console.log(`moderation evasion suite: ${passed}/${evasionCases.length} passed (${rate}%)`);
});

test.each(evasionCases)('$name', ({ text, expect: terms }) => {
  const hits = matcher.scan(text);
  expect([...new Set(hits.map((hit) => hit.term))].sort()).toEqual([...terms].sort());
  for (const hit of hits) expect(hit.end).toBeGreaterThan(hit.start);
  passed++;
});

test('hits point at the original span', () => {
  const text = '你好 法*輪*功 再见';
  const [hit] = matcher.scan(text);
  expect(text.slice(hit!.start, hit!.end)).toBe('法*輪*功');
});

test('chunks of any size find the same hits as one scan', () => {
  const text = evasionCases.map((c) => c.text).join('\n');
  const whole = matcher.scan(text);
  for (const size of [1, 2, 3, 7]) {
    const stream = matcher.stream();
    const hits = [];
    for (let i = 0; i < text.length; i += size) hits.push(...stream.write(text.slice(i, i + size)));
    hits.push(...stream.end());
    expect(hits).toEqual(whole);
  }
});

test('safeOffset never passes the start of a later hit', () => {
  const text = 'aaaa 法 轮 功 bbbb';
  const stream = matcher.stream();
  for (let i = 0; i < text.length; i++) {
    const safe = stream.safeOffset();
    const hits = stream.write(text[i]!);
    for (const hit of hits) expect(hit.start).toBeGreaterThanOrEqual(safe);
  }
});
