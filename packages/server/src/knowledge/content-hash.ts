import { createHash } from 'node:crypto';
import type { ParsedSection } from './parse/parsed-document';

/**
 * sha-256 of a text with Unicode forms (NFKC) and whitespace normalized, so the same
 * document uploaded twice (or re-saved with other line endings) is recognised as a duplicate.
 */
export function contentHash(text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}

/** contentHash of a parsed document: its headings and text, in order, page breaks ignored. */
export function parsedTextHash(sections: readonly ParsedSection[]): string {
  let previous: string | undefined;
  const parts: string[] = [];
  for (const section of sections) {
    const headings = (section.headingPath ?? []).join('\n');
    // a heading repeated on the sections under it (csv rows, pages) counts once
    if (headings !== previous) parts.push(headings);
    previous = headings;
    parts.push(section.text);
  }
  return contentHash(parts.join('\n'));
}
