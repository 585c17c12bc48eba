import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { baseName } from './base-name';
import { normalizeText } from './decode-text';
import { htmlSections } from './html-sections';
import type { ParsedDocument, ParseInput } from './parsed-document';
import { assertSafeZip } from './zip-guard';

/** Word documents through mammoth's HTML, so Word's heading styles become heading paths. */
export async function parseDocx(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  assertSafeZip(input.bytes, input.filename);
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) });
  const { document } = parseHTML(`<html><body>${normalizeText(result.value)}</body></html>`);
  const title = document.querySelector('h1')?.textContent?.trim();
  const warnings = result.messages
    .filter((message) => message.type === 'error')
    .map((message) => `${input.filename}: ${message.message}`);
  return { title: title || baseName(input.filename), sections: htmlSections(document.body), warnings };
}
