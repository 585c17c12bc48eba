import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '../../../src/knowledge/parse/parse-document';

/**
 * Prints a document as Qiao's parser reads it (the text answer spans must be taken from):
 * `npx tsx packages/server/bench/knowledge/real-set/print-parsed.ts <file>`.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: print-parsed.ts <file>');
const parsed = await parseDocument({ bytes: readFileSync(file), filename: basename(file) }, { ocr: false });
console.log(`# ${parsed.title} (${parsed.format})`);
for (const section of parsed.sections) {
  const where = [section.page ? `p.${section.page}` : '', ...(section.headingPath ?? [])].filter(Boolean);
  console.log(`\n--- ${where.join(' › ')}\n${section.text}`);
}
