import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { baseName } from './base-name';
import { normalizeText } from './decode-text';
import { htmlSections } from './html-sections';
import { defaultParseLimits } from './parse-limits';
import type { ParsedDocument, ParseInput, ParseOptions } from './parsed-document';
import { assertSafeZip } from './zip-guard';

/** Word documents through mammoth's HTML, so Word's heading styles become heading paths. */
export async function parseDocx(
  input: ParseInput,
  options: ParseOptions,
): Promise<Omit<ParsedDocument, 'format'>> {
  assertSafeZip(input.bytes, input.filename, options.limits ?? defaultParseLimits);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(input.bytes) },
    // images carry no text here; mammoth would otherwise inline each one as base64
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  const { document } = parseHTML(`<html><body>${normalizeText(result.value)}</body></html>`);
  const title = document.querySelector('h1')?.textContent?.trim();
  const warnings = result.messages
    .filter((message) => message.type === 'error')
    .map((message) => `${input.filename}: ${message.message}`);
  return { title: title || baseName(input.filename), sections: htmlSections(document.body), warnings };
}
