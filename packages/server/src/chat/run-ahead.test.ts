import { expect, test } from 'vitest';
import { runAhead } from './run-ahead';

test('the source runs to its end while nobody reads, and the reader still gets every value', async () => {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  async function* source() {
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield i;
    }
    finish();
  }
  const ahead = runAhead(source());
  // resolves only if the source got to its end without a single read
  await finished;
  const seen: number[] = [];
  for await (const value of ahead) seen.push(value);
  expect(seen).toEqual([0, 1, 2, 3, 4]);
});

test('a failing source fails the reader after the values it produced', async () => {
  async function* source() {
    yield 1;
    throw new Error('boom');
  }
  const seen: number[] = [];
  await expect(async () => {
    for await (const value of runAhead(source())) seen.push(value);
  }).rejects.toThrow('boom');
  expect(seen).toEqual([1]);
});
