import { expect, test } from 'vitest';
import { calculate, calculatorTool } from './calculator';

test('evaluates arithmetic, functions and units', async () => {
  expect(calculate('(1+2)^10 / 3')).toBe('19683');
  expect(calculate('sqrt(2) * sqrt(2)')).toBe('2');
  expect(calculate('5 km to m')).toBe('5000 m');
  const result = await calculatorTool.execute(
    { expression: '12 * 7' },
    { signal: new AbortController().signal },
  );
  expect(result.text).toBe('12 * 7 = 84');
});

test('refuses import, createUnit, parse, evaluate and function values', () => {
  expect(() => calculate('import({x: 1})')).toThrow(/disabled/);
  expect(() => calculate('createUnit("foo")')).toThrow(/disabled/);
  expect(() => calculate('parse("1+1")')).toThrow(/disabled/);
  expect(() => calculate('evaluate("1+1")')).toThrow(/disabled/);
  expect(() => calculate('f(x) = x^2')).toThrow(/function/);
  expect(() => calculate('a = 5; a')).not.toThrow();
  expect(() => calculate('a')).toThrow(); // the previous scope is gone
});
