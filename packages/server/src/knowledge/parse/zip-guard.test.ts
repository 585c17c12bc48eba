import { AppError } from '@qiao/core';
import { describe, expect, it } from 'vitest';
import { docxBomb, xlsxOfCells } from '../../../test/fixtures/documents/honest-zip-bomb';
import { parseDocument } from './parse-document';
import { defaultParseLimits } from './parse-limits';
import { sheetCellCounter } from './sheet-cell-counter';
import { assertSafeZip } from './zip-guard';

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('not refused');
}

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('assertSafeZip on the inflated stream', () => {
  it('refuses the 199 MB docx bomb with honest sizes at the default limits, quickly', () => {
    const bomb = docxBomb(199);
    expect(bomb.byteLength).toBeLessThan(3 * 1024 * 1024);
    const started = performance.now();
    const error = refusal(() => assertSafeZip(bomb, 'bomb.docx', defaultParseLimits));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe(
      'bomb.docx was refused: word/document.xml unpacks to more than 64 MB, the limit (a zip bomb or an oversized document)',
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts the real bytes when the directory lies about them', () => {
    const lying = docxBomb(40, { declaredSize: 1000 });
    const limits = { ...defaultParseLimits, maxEntryBytes: 16 * 1024 * 1024 };
    const error = refusal(() => assertSafeZip(lying, 'small.docx', limits));
    expect(error.message).toContain('word/document.xml unpacks to more than 16 MB');
    const total = refusal(() =>
      assertSafeZip(docxBomb(20), 'two.docx', { ...defaultParseLimits, maxInflatedBytes: 8 * 1024 * 1024 }),
    );
    expect(total.message).toContain('it unpacks to more than 8 MB');
  });

  it('refuses a workbook over the cell cap before a spreadsheet parser sees it', () => {
    const error = refusal(() =>
      assertSafeZip(xlsxOfCells(200_000, { numbered: false }), 'cells.xlsx', defaultParseLimits),
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('more than 1,000,000 cells');
    expect(() => assertSafeZip(xlsxOfCells(1_000), 'ok.xlsx', defaultParseLimits)).not.toThrow();
  });

  it('counts cells and rows with any prefix, across chunk boundaries, and nothing else', () => {
    const counter = sheetCellCounter();
    const xml =
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c/><col min="1"/><cols/><c\n>2</c></x:row><rows/>';
    for (let i = 0; i < xml.length; i += 3) counter.push(new TextEncoder().encode(xml.slice(i, i + 3)));
    expect(counter.count).toBe(4);
  });
});

describe('parseDocument within the caps', () => {
  it('still reads a workbook under the caps, and refuses one over a low cap with the reason', async () => {
    const ok = await parseDocument({ bytes: xlsxOfCells(20), filename: 'small.xlsx' });
    expect(ok.sections).toHaveLength(20);
    expect(ok.sections[0]!.text).toBe('A: 0; B: 1; C: 2; D: 3; E: 4; F: 5; G: 6; H: 7; I: 8; J: 9');
    const error = await failure(
      parseDocument(
        { bytes: xlsxOfCells(20), filename: 'small.xlsx' },
        { limits: { ...defaultParseLimits, maxCells: 100 } },
      ),
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('more than 100 cells');
  });

  it('refuses a document whose text is over the character cap', async () => {
    const text = new TextEncoder().encode('长文本。'.repeat(3000));
    const error = await failure(
      parseDocument(
        { bytes: text, filename: 'long.txt' },
        { limits: { ...defaultParseLimits, maxTextChars: 10_000 } },
      ),
    );
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toBe(
      'long.txt was refused: it holds more than 10,000 characters of text, the limit; split it into smaller documents',
    );
  });
});
