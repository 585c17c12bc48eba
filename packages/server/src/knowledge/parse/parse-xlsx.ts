import ExcelJS from 'exceljs';
import { baseName } from './base-name';
import { normalizeKeepingPunctuation } from './decode-text';
import { defaultParseLimits } from './parse-limits';
import type { ParsedDocument, ParsedSection, ParseInput, ParseOptions } from './parsed-document';
import { tableRecords } from './table-records';
import { assertSafeZip } from './zip-guard';

/** Every sheet's rows as records, under the sheet's name; cells as Excel displays them. */
export async function parseXlsx(
  input: ParseInput,
  options: ParseOptions,
): Promise<Omit<ParsedDocument, 'format'>> {
  assertSafeZip(input.bytes, input.filename, options.limits ?? defaultParseLimits);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(input.bytes) as unknown as ArrayBuffer);
  const sections: ParsedSection[] = [];
  const warnings: string[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = normalizeKeepingPunctuation(cell.text);
      });
      rows.push(Array.from(cells, (cell) => cell ?? ''));
    });
    const records = tableRecords(rows, [sheet.name]);
    if (records.length === 0) warnings.push(`Sheet "${sheet.name}" has no data rows`);
    sections.push(...records);
  });
  return { title: baseName(input.filename), sections, warnings };
}
