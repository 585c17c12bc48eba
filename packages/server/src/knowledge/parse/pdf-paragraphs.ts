import { isCjk, type PdfLine } from './pdf-lines';

const listItem = /^(?:[•·▪◦●○■□➢►*–—-]|\d{1,3}[.)、]|[(（]\d{1,3}[)）])\s*/u;

/**
 * Lines to text: a line that runs to the right edge and is followed by one of the same size
 * at the usual line distance was wrapped, so the two are joined (with no space between two
 * CJK characters, "磁盘空间" not "磁盘空 间"; with one between words); anything else
 * (a short line, a new size, a wider gap, a list item, code) keeps its line break.
 */
export function joinLines(lines: PdfLine[], rightEdge: number | undefined): string {
  let text = '';
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (previous) text += wrapped(previous, line, rightEdge) ? joiner(text.at(-1), line.text[0]) : '\n';
    text += line.text;
    previous = line;
  }
  return text.trim();
}

function wrapped(previous: PdfLine, line: PdfLine, rightEdge: number | undefined): boolean {
  const size = Math.max(previous.size, line.size);
  const distance = previous.y - line.y;
  return (
    rightEdge !== undefined &&
    Math.abs(previous.size - line.size) <= 0.15 * size &&
    distance > 0 &&
    distance <= 1.6 * size &&
    previous.end >= rightEdge - size &&
    !listItem.test(line.text)
  );
}

function joiner(before: string | undefined, after: string | undefined): string {
  if (isCjk(before) && isCjk(after)) return '';
  return before === '-' ? '' : ' ';
}
