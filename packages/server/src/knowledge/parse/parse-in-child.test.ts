import { AppError } from '@qiao/core';
import { describe, expect, it } from 'vitest';
import { docxBomb } from '../../../test/fixtures/documents/honest-zip-bomb';
import { minimalDocx } from '../../../test/fixtures/documents/minimal-docx';
import { parseDocument } from './parse-document';
import { isParserStopped, parseInChild } from './parse-in-child';
import { defaultParseLimits } from './parse-limits';

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// caps out of the way, so the parser itself meets the bomb and only the budgets stop it
const uncapped = { ...defaultParseLimits, maxEntryBytes: 2 ** 31, maxInflatedBytes: 2 ** 31 };

/** The longest the event loop of this process went without running a 10 ms timer, during `work`. */
async function loopStallDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T | AppError; stallMs: number }> {
  let stallMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work().catch((error: AppError) => error), stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe('parseInChild', () => {
  it('answers what parseDocument answers, from a process of its own', async () => {
    const bytes = minimalDocx([{ heading: 1, text: '标题' }, { text: '正文一段。' }]);
    const inChild = await parseInChild({ bytes, filename: 'a.docx' }, {}, defaultParseLimits);
    expect(inChild).toEqual(await parseDocument({ bytes, filename: 'a.docx' }));
  });

  it('ends a parser that outgrows its memory, and the event loop here never stalls', async () => {
    const { result, stallMs } = await loopStallDuring(() =>
      parseInChild({ bytes: docxBomb(40), filename: 'bomb.docx' }, {}, { ...uncapped, maxMemoryMb: 64 }),
    );
    expect(result).toBeInstanceOf(AppError);
    const error = result as AppError;
    expect(error.code).toBe('payload_too_large');
    expect(isParserStopped(error)).toBe(true);
    expect(error.message).toBe(
      'bomb.docx could not be parsed: it needs more than the 64 MB of memory a document may use',
    );
    // the parser used to run on this thread: mammoth alone held it for seconds
    expect(stallMs).toBeLessThan(1_000);
  }, 60_000);

  it('ends a parser that outlives its time limit', async () => {
    const error = await failure(
      parseInChild({ bytes: docxBomb(40), filename: 'slow.docx' }, {}, { ...uncapped, timeoutMs: 1_500 }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.details).toEqual({ parserStopped: 'time' });
    expect(error.message).toBe(
      'slow.docx could not be parsed: it took longer than 2 s, the time a document may take',
    );
  }, 30_000);

  it('ends the parser when its caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new AppError('cancelled', 'stop')), 1_000);
    const started = performance.now();
    const error = await failure(
      parseInChild({ bytes: docxBomb(40), filename: 'slow.docx' }, { signal: controller.signal }, uncapped),
    );
    expect(error.code).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);
});
