import { createHash } from 'node:crypto';

/**
 * sha-256 of a text with Unicode forms (NFKC) and whitespace normalized, so the same
 * document uploaded twice (or re-saved with other line endings) is recognised as a duplicate.
 */
export function contentHash(text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}
