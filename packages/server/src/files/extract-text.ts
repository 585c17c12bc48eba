import { AppError } from '@qiao/core';
import { detectFormat } from '../knowledge/parse/detect-format';
import { parseInChild } from '../knowledge/parse/parse-in-child';
import { defaultParseLimits, type ParseLimits } from '../knowledge/parse/parse-limits';

export interface Extracted {
  kind: 'document' | 'image';
  /** from the bytes, not from what the browser claimed */
  mimeType: string;
  /** the document's text; null for images */
  text: string | null;
}

const imageTypes: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ['image/webp', (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50],
];

const documentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown',
  txt: 'text/plain',
  html: 'text/html',
  csv: 'text/csv',
};

/**
 * Sorts an upload into an image (sent to vision models as is) or a document (its text is
 * extracted once, here, with the knowledge base's parsers, in a parser process with the
 * budgets of `limits`). Unsupported types are a 415; a document over a limit is a 413.
 */
export async function extractText(
  bytes: Uint8Array,
  filename: string,
  mimeType: string,
  limits: ParseLimits = defaultParseLimits,
): Promise<Extracted> {
  const format = detectFormat(bytes, filename, mimeType);
  if (format === 'image') {
    const type = imageTypes.find(([, test]) => test(bytes))?.[0];
    if (!type)
      throw new AppError('unsupported_media_type', `${filename}: images must be PNG, JPEG, GIF or WebP`);
    return { kind: 'image', mimeType: type, text: null };
  }
  const parsed = await parseInChild({ bytes, filename, mimeType }, { ocr: false }, limits);
  const text = parsed.sections.map((section) => section.text).join('\n\n');
  return { kind: 'document', mimeType: documentTypes[format] ?? 'application/octet-stream', text };
}
