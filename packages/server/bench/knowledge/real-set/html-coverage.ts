import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../../../src/knowledge/parse/parse-document';
import { realDocsDir } from './real-set';

/**
 * How much of each HTML page of the real set Qiao's parser keeps: the characters of the body's
 * visible text against the characters of the parsed sections (whitespace and | not counted),
 * and the headings (h1–h6) of the page against the distinct heading-path entries parsed.
 * `npx tsx packages/server/bench/knowledge/real-set/html-coverage.ts [file.html …]` (default: the real set's pages)
 */
// whitespace and the " | " that joins table cells are not counted
const count = (text: string) => text.replace(/[\s|]+/g, '').length;
console.log(
  'file | body chars | parsed chars | kept (with headings) | headings in page | headings parsed | sections',
);
const files = process.argv.slice(2);
const paths =
  files.length > 0
    ? files
    : readdirSync(realDocsDir)
        .filter((n) => n.endsWith('.html'))
        .map((n) => join(realDocsDir, n));
for (const file of paths) {
  const filename = basename(file);
  const bytes = readFileSync(file);
  const { document } = parseHTML(bytes.toString('utf8'));
  for (const node of document.querySelectorAll('script, style, noscript, template')) node.remove();
  const body = count(document.body?.textContent ?? '');
  const headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6').length;
  const parsed = await parseDocument({ bytes: new Uint8Array(bytes), filename }, { ocr: false });
  const chars = parsed.sections.reduce((sum, section) => sum + count(section.text), 0);
  const headingEntries = new Set(
    parsed.sections.flatMap((s) => (s.headingPath ?? []).map((h, i) => `${i}:${h}`)),
  );
  const headingChars = [...headingEntries].reduce((sum, entry) => sum + count(entry.replace(/^\d+:/, '')), 0);
  // headings are read into the heading path, so they count as kept
  const kept = body > 0 ? `${Math.round((100 * (chars + headingChars)) / body)}%` : '-';
  console.log(
    `${filename} | ${body} | ${chars} | ${kept} | ${headings} | ${headingEntries.size} | ${parsed.sections.length}`,
  );
}
