import type { PdfLine } from './pdf-lines';
import type { PdfHeading } from './pdf-outline';
import type { PdfPageLines } from './pdf-sections';

/** "3", "3.1.2", "第二章", "一、", "（一）", "Chapter 4": the number gives the level */
const numbered =
  /^(?:(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+|第[一二三四五六七八九十百\d]+[章节部篇]\s*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|(?:chapter|part|section)\s+\d+\b)/iu;
const sentenceEnd = /[。．.，,；;：:!?！？]$/u;

/**
 * Headings of a PDF without an outline, from type size: a short line set at least 15% above
 * the body size (the size most text is set in), not ending like a sentence. Its level comes
 * from its number (3.1 under 3) or else from its size (larger is higher); a heading wrapped
 * over two lines of the same size is one heading. Conservative: no larger type, no headings.
 */
export function fontSizeHeadings(pages: PdfPageLines[]): PdfHeading[] {
  const body = bodySize(pages.flatMap((page) => page.lines));
  if (!body) return [];
  const candidates: { line: PdfLine; page: number; title: string }[] = [];
  for (const { page, lines } of pages) {
    for (const line of lines) {
      if (line.size < body * 1.15 || line.text.length > 80 || sentenceEnd.test(line.text)) continue;
      if (!/[\p{L}]/u.test(line.text)) continue;
      const last = candidates.at(-1);
      if (last && last.page === page && sameHeading(last.line, line)) {
        last.title += ` ${line.text}`;
        continue;
      }
      candidates.push({ line, page, title: line.text });
    }
  }
  const sizes = [...new Set(candidates.map((c) => Math.round(c.line.size)))].sort((a, b) => b - a);
  const stack: { level: number; title: string }[] = [];
  return candidates.map(({ line, page, title }) => {
    const number = numbered.exec(title)?.[1];
    const level = number ? number.split('.').length : sizes.indexOf(Math.round(line.size)) + 1;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    stack.push({ level, title });
    return { path: stack.map((s) => s.title), page, top: line.y + line.size };
  });
}

function sameHeading(previous: PdfLine, line: PdfLine): boolean {
  const distance = previous.y - line.y;
  return Math.abs(previous.size - line.size) < 0.5 && distance > 0 && distance <= 1.6 * line.size;
}

/** the size carrying the most characters */
function bodySize(lines: PdfLine[]): number | undefined {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0];
}
