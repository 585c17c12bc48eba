import { AppError } from '@qiao/core';
import { baseName } from './base-name';
import { detectFormat } from './detect-format';
import { defaultParseLimits } from './parse-limits';
import type { DocumentFormat, ParsedDocument, ParseInput, ParseOptions } from './parsed-document';

export type {
  DocumentFormat,
  ParsedDocument,
  ParsedSection,
  ParseInput,
  ParseOptions,
} from './parsed-document';

type Parser = (input: ParseInput, options: ParseOptions) => Promise<Omit<ParsedDocument, 'format'>>;

// loaded on first use: the parser process starts for one document and needs one parser
const parsers: Record<DocumentFormat, () => Promise<Parser>> = {
  txt: async () => (await import('./parse-text')).parseText,
  md: async () => (await import('./parse-markdown')).parseMarkdown,
  csv: async () => (await import('./parse-csv')).parseCsv,
  docx: async () => (await import('./parse-docx')).parseDocx,
  pdf: async () => (await import('./parse-pdf')).parsePdf,
  html: async () => (await import('./parse-html')).parseHtml,
  xlsx: async () => (await import('./parse-xlsx')).parseXlsx,
  image: async () => (await import('./parse-image')).parseImage,
};

/**
 * Loads every parser ahead of use, one after another, so a parse that arrives meanwhile waits
 * for one module at most (the spare parser process does this while it waits).
 */
export async function preloadParsers(): Promise<void> {
  for (const load of Object.values(parsers)) await load().catch(() => {});
}

/**
 * Turns an uploaded file into sections of text with pages and heading paths. The type comes
 * from the bytes (detectFormat); a damaged or unsupported file throws an AppError with a
 * reason a user can act on, and never takes anything else down with it.
 */
export async function parseDocument(input: ParseInput, options: ParseOptions = {}): Promise<ParsedDocument> {
  const format = detectFormat(input.bytes, input.filename, input.mimeType);
  options.signal?.throwIfAborted();
  let parsed: Omit<ParsedDocument, 'format'>;
  try {
    parsed = await (await parsers[format]())(input, options);
  } catch (error) {
    if (AppError.is(error) || options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('bad_request', `${input.filename} could not be read as ${format}: ${reason}`, {
      cause: error,
    });
  }
  const sections = parsed.sections
    .map((section) => ({ ...section, text: section.text.trim() }))
    .filter((section) => section.text.length > 0);
  const limits = options.limits ?? defaultParseLimits;
  const chars = sections.reduce((sum, section) => sum + section.text.length, 0);
  if (chars > limits.maxTextChars)
    throw new AppError(
      'payload_too_large',
      `${input.filename} was refused: it holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text, the limit; split it into smaller documents`,
    );
  const warnings = [...parsed.warnings];
  if (sections.length === 0) warnings.push(`No text was found in ${input.filename}`);
  return { title: parsed.title || baseName(input.filename), format, sections, warnings };
}
