import { baseName } from './base-name';
import { decodeText, normalizeText } from './decode-text';
import type { ParsedDocument, ParseInput } from './parsed-document';

export async function parseText(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  return {
    title: baseName(input.filename),
    sections: [{ text: normalizeText(text) }],
    warnings: warning ? [warning] : [],
  };
}
