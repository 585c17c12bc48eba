import { expect, test } from 'vitest';
import { csvCell } from './csv-cell';

/** RFC 4180 fields of one record, as a spreadsheet reads them */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(,|$)/gy;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    cells.push(m[1]!.replaceAll('""', '"'));
    if (m[2] === '') break;
  }
  return cells;
}

const formulas = [
  '=1+1',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '=HYPERLINK("http://x","y")',
  '\t=1',
  '\r=1',
  '\n=1',
  '\r\n=cmd|"/c calc"!A0',
  ' =1',
  '   +1',
  '\u00a0=1', // no-break space
  '\u3000=1', // ideographic space
  '\u2003@x', // em space
  '\u200b=1', // zero-width space
  '\ufeff=1', // BOM
  '\u202e=1', // bidi override
  '\u0000=1',
  '\u000b-1', // vertical tab
  '＝1+1', // full-width
  '＋1',
  '＠x',
  ' \r\n\t@x',
  '\t',
  '\rplain',
  '\nplain',
];
const plain = [
  'alice',
  'a=b',
  '',
  'user 1',
  '中文名',
  '{"a":"=1"}',
  '2031-01-01T00:00:00.000Z',
  'x-y',
  "'quoted",
];

test('a cell that a spreadsheet could run as a formula reads as text', () => {
  for (const value of formulas) {
    const cell = csvCell(value);
    const [read] = parseRecord(cell);
    expect(read, JSON.stringify(value)).toBe(`'${value}`);
  }
});

test('ordinary values keep their text, every cell is quoted, quotes and line breaks survive', () => {
  for (const value of plain) {
    expect(csvCell(value)).toMatch(/^".*"$/s);
    expect(parseRecord(csvCell(value))).toEqual([value]);
  }
  expect(csvCell(null)).toBe('""');
  expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  const record = ['a,b', 'say "hi"', 'two\nlines', '=x'].map(csvCell).join(',');
  expect(parseRecord(record)).toEqual(['a,b', 'say "hi"', 'two\nlines', "'=x"]);
});
