import { baseName } from './base-name';
import { decodeText, normalizeText } from './decode-text';
import { looksLikeMarkdown } from './looks-like-markdown';
import { markdownSections } from './parse-markdown';
import type { ParsedDocument, ParseInput } from './parsed-document';

/** Plain text in one section; Markdown saved as .txt (a report, notes) gets its headings and tables. */
export async function parseText(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  const normalized = normalizeText(text);
  const warnings = warning ? [warning] : [];
  if (looksLikeMarkdown(normalized)) {
    const { title, sections } = markdownSections(normalized);
    return { title: title ?? baseName(input.filename), sections, warnings };
  }
  return { title: baseName(input.filename), sections: [{ text: normalized }], warnings };
}
