import { describe, expect, it } from 'vitest';
import { bitmapText, png } from '../../../test/fixtures/documents/bitmap-text';
import { minimalPdf } from '../../../test/fixtures/documents/minimal-pdf';
import { parseDocument } from './parse-document';
import { tesseractLanguages } from './tesseract-ocr';

const languages = await tesseractLanguages();
const image = bitmapText('HELLO WORLD');
const scannedPdf = minimalPdf([{ lines: ['Typed page.'] }, { image }]);

describe('OCR', () => {
  it.skipIf(!languages)('reads an image through tesseract (chi_sim+eng)', { timeout: 60_000 }, async () => {
    const doc = await parseDocument({ bytes: png(image), filename: 'scan.png' });
    expect(doc.format).toBe('image');
    expect(doc.sections).toEqual([{ text: 'HELLO WORLD' }]);
  });

  it.skipIf(!languages)('reads the pages of a PDF that have no text layer', { timeout: 60_000 }, async () => {
    const doc = await parseDocument({ bytes: scannedPdf, filename: 'scan.pdf' });
    expect(doc.sections).toEqual([
      { text: 'Typed page.', page: 1 },
      { text: 'HELLO WORLD', page: 2 },
    ]);
  });

  it('says why scanned pages and images were skipped when OCR is off', async () => {
    const pdf = await parseDocument({ bytes: scannedPdf, filename: 'scan.pdf' }, { ocr: false });
    expect(pdf.sections).toEqual([{ text: 'Typed page.', page: 1 }]);
    expect(pdf.warnings).toEqual(['scan.pdf: 1 page(s) without text (2) skipped, OCR is off']);
    const photo = await parseDocument({ bytes: png(image), filename: 'photo.png' }, { ocr: false });
    expect(photo.sections).toEqual([]);
    expect(photo.warnings[0]).toContain('OCR is turned off');
  });
});
