import { AppError } from '@qiao/core';
import { getDocumentProxy, getMeta, getResolvedPDFJS } from 'unpdf';
import { ensureArrayBufferTransfer } from './array-buffer-transfer';
import { baseName } from './base-name';
import { normalizeText } from './decode-text';
import { ocrPdfPage } from './ocr-pdf-page';
import type { ParsedDocument, ParsedSection, ParseInput, ParseOptions } from './parsed-document';
import { fontSizeHeadings } from './pdf-font-headings';
import { pageGlyphs } from './pdf-glyphs';
import { glyphLines } from './pdf-lines';
import { pdfHeadings } from './pdf-outline';
import { dropContentsLines, dropRunningLines } from './pdf-page-furniture';
import { type PdfPageLines, pdfSections } from './pdf-sections';
import { ocrInstallHint, tesseractLanguages } from './tesseract-ocr';

/**
 * Text from the glyphs pdf.js reads (pdf-glyphs.ts: nothing clipped at the page edge, spaces
 * from real gaps), cut into sections at pages and at the outline's headings (or, without an
 * outline, at lines set larger than the body text), without running
 * headers/footers or table-of-contents lines, NFKC-normalized (PDFs written by Chromium use
 * CJK radical code points for common characters). Pages without a text layer are scans:
 * their images go through OCR.
 */
export async function parsePdf(
  input: ParseInput,
  options: ParseOptions,
): Promise<Omit<ParsedDocument, 'format'>> {
  ensureArrayBufferTransfer();
  // images are not decoded for text (maxImageSize); OCR opens the file again when it needs them
  const pdf = await openPdf(input, { maxImageSize: 1 });
  try {
    const { OPS } = await getResolvedPDFJS();
    const pages: PdfPageLines[] = [];
    const scanned: number[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      options.signal?.throwIfAborted();
      const proxy = await pdf.getPage(page);
      const lines = glyphLines(await pageGlyphs(proxy, OPS as never));
      // fonts and operator lists of a page are not needed once its lines are read
      proxy.cleanup();
      if (lines.length > 0) pages.push({ page, lines });
      else scanned.push(page);
    }
    const body = dropRunningLines(pages.map((p) => p.lines)).map((lines, i) => ({
      page: pages[i]?.page ?? 0,
      lines: dropContentsLines(lines),
    }));
    const outline = await pdfHeadings(pdf);
    const sections = pdfSections(body, outline.length > 0 ? outline : fontSizeHeadings(body))
      .map((section) => ({ ...section, text: normalizeText(section.text).trim() }))
      .filter((section) => section.text);
    const warnings = scanned.length > 0 ? await ocrScans(input, scanned, sections, options) : [];
    sections.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    return { title: (await pdfTitle(pdf)) || baseName(input.filename), sections, warnings };
  } finally {
    await pdf.destroy();
  }
}

async function openPdf(input: ParseInput, extra: Record<string, unknown> = {}): Promise<Pdf> {
  // pdf.js takes ownership of the buffer it is given
  return getDocumentProxy(new Uint8Array(input.bytes), { verbosity: 0, ...extra }).catch((error: unknown) => {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new AppError(
        'unsupported_media_type',
        `${input.filename} is password-protected; remove the password and upload it again`,
      );
    }
    throw error;
  });
}

async function ocrScans(
  input: ParseInput,
  pages: number[],
  sections: ParsedSection[],
  options: ParseOptions,
): Promise<string[]> {
  if (options.ocr === false) return ocrPages(undefined, pages, sections, input.filename, options);
  const pdf = await openPdf(input);
  try {
    return await ocrPages(pdf, pages, sections, input.filename, options);
  } finally {
    await pdf.destroy();
  }
}

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

async function ocrPages(
  pdf: Pdf | undefined,
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
  if (!languages || !pdf) {
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
