import type { ParsedSection } from './parsed-document';

/**
 * Rows of a table as records: the first non-empty row names the columns, each later row becomes
 * one section "Column: value; Column: value", so a row is found, cited and shown whole.
 */
export function tableRecords(rows: readonly (readonly string[])[], headingPath: string[]): ParsedSection[] {
  const cleaned = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()));
  const headerIndex = cleaned.findIndex((row) => row.some(Boolean));
  if (headerIndex === -1) return [];
  const header = cleaned[headerIndex]!;
  const sections: ParsedSection[] = [];
  for (const row of cleaned.slice(headerIndex + 1)) {
    const fields = row
      .map((value, column) => (value ? `${header[column] || `Column ${column + 1}`}: ${value}` : ''))
      .filter(Boolean);
    if (fields.length > 0) sections.push({ text: fields.join('; '), headingPath });
  }
  return sections;
}
