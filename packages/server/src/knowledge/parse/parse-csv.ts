import { parse } from 'csv-parse/sync';
import { baseName } from './base-name';
import { decodeText, normalizeKeepingPunctuation } from './decode-text';
import type { ParsedDocument, ParseInput } from './parsed-document';
import { tableRecords } from './table-records';

export async function parseCsv(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  const rows = parse(normalizeKeepingPunctuation(text), {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    delimiter: sniffDelimiter(text),
  }) as string[][];
  const title = baseName(input.filename);
  return { title, sections: tableRecords(rows, [title]), warnings: warning ? [warning] : [] };
}

// exports from Chinese spreadsheets are often tab- or semicolon-separated
function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const firstLine = end === -1 ? text : text.slice(0, end);
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
