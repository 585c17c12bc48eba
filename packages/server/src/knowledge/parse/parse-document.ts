import { AppError } from '@qiao/core';
import { baseName } from './base-name';
import { detectFormat } from './detect-format';
import { parseCsv } from './parse-csv';
import { parseDocx } from './parse-docx';
import { parseHtml } from './parse-html';
import { parseImage } from './parse-image';
import { parseMarkdown } from './parse-markdown';
import { parsePdf } from './parse-pdf';
import { parseText } from './parse-text';
import { parseXlsx } from './parse-xlsx';
import type { DocumentFormat, ParsedDocument, ParseInput, ParseOptions } from './parsed-document';

export type {
  DocumentFormat,
  ParsedDocument,
  ParsedSection,
  ParseInput,
  ParseOptions,
} from './parsed-document';

type Parser = (input: ParseInput, options: ParseOptions) => Promise<Omit<ParsedDocument, 'format'>>;

const parsers: Record<DocumentFormat, Parser> = {
  pdf: parsePdf,
  docx: parseDocx,
  md: parseMarkdown,
  txt: parseText,
  html: parseHtml,
  csv: parseCsv,
  xlsx: parseXlsx,
  image: parseImage,
};

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
    parsed = await parsers[format](input, options);
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
  const warnings = [...parsed.warnings];
  if (sections.length === 0) warnings.push(`No text was found in ${input.filename}`);
  return { title: parsed.title || baseName(input.filename), format, sections, warnings };
}
