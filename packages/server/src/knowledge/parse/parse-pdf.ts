import { AppError } from '@qiao/core';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { baseName } from './base-name';
import { normalizeText } from './decode-text';
import { ocrPdfPage } from './ocr-pdf-page';
import type { ParsedDocument, ParsedSection, ParseInput, ParseOptions } from './parsed-document';
import { ocrInstallHint, tesseractLanguages } from './tesseract-ocr';

/**
 * One section per page, NFKC-normalized (PDFs written by Chromium use CJK radical code points
 * for common characters). Pages without a text layer are scans: their images go through OCR.
 */
export async function parsePdf(
  input: ParseInput,
  options: ParseOptions,
): Promise<Omit<ParsedDocument, 'format'>> {
  // pdf.js takes ownership of the buffer it is given
  const pdf = await getDocumentProxy(new Uint8Array(input.bytes), { verbosity: 0 }).catch(
    (error: unknown) => {
      if (error instanceof Error && error.name === 'PasswordException') {
        throw new AppError(
          'unsupported_media_type',
          `${input.filename} is password-protected; remove the password and upload it again`,
        );
      }
      throw error;
    },
  );
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const sections: ParsedSection[] = [];
    const scanned: number[] = [];
    pages.forEach((text, index) => {
      const normalized = normalizeText(text).trim();
      if (normalized) sections.push({ text: normalized, page: index + 1 });
      else scanned.push(index + 1);
    });
    const warnings = await ocrPages(pdf, scanned, sections, input.filename, options);
    sections.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    return { title: (await pdfTitle(pdf)) || baseName(input.filename), sections, warnings };
  } finally {
    await pdf.destroy();
  }
}

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

async function ocrPages(
  pdf: Pdf,
  pages: number[],
  sections: ParsedSection[],
  filename: string,
  options: ParseOptions,
): Promise<string[]> {
  if (pages.length === 0) return [];
  const list = pages.length > 5 ? `${pages.slice(0, 5).join(', ')}…` : pages.join(', ');
  if (options.ocr === false)
    return [`${filename}: ${pages.length} page(s) without text (${list}) skipped, OCR is off`];
  const languages = await tesseractLanguages();
  if (!languages) {
    return [
      `${filename}: ${pages.length} scanned page(s) (${list}) skipped: tesseract is not installed (${ocrInstallHint})`,
    ];
  }
  const empty: number[] = [];
  for (const page of pages) {
    options.signal?.throwIfAborted();
    const text = await ocrPdfPage(pdf, page, languages, options.signal);
    if (text) sections.push({ text: normalizeText(text), page });
    else empty.push(page);
  }
  return empty.length > 0 ? [`${filename}: no text found on page(s) ${empty.join(', ')}, even with OCR`] : [];
}

async function pdfTitle(pdf: Pdf): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title = typeof info.Title === 'string' ? info.Title.normalize('NFKC').trim() : '';
    return title || undefined;
  } catch {
    return undefined;
  }
}
