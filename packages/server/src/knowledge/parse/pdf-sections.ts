import type { ParsedSection } from './parsed-document';
import type { PdfLine } from './pdf-lines';
import type { PdfHeading } from './pdf-outline';
import { joinLines } from './pdf-paragraphs';

export interface PdfPageLines {
  page: number;
  lines: PdfLine[];
}

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Cuts the pages into sections at page breaks (so each keeps its page for citations) and at
 * the outline's headings, each section carrying the heading path it falls under. A heading
 * starts at the first line of its page that shows its title, below the destination's top;
 * failing that, at the first line below the top, or at the top of the page.
 */
export function pdfSections(pages: PdfPageLines[], headings: PdfHeading[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let path: string[] = [];
  let next = 0;
  // a page of short code lines must not lower the edge that marks a full (wrapped) line
  const documentEdge = rightEdge(pages.flatMap((p) => p.lines));
  for (const { page, lines } of pages) {
    const pageEdge = rightEdge(lines);
    const edge =
      pageEdge === undefined || documentEdge === undefined
        ? (pageEdge ?? documentEdge)
        : Math.max(pageEdge, documentEdge);
    let from = 0;
    const flush = (to: number) => {
      const text = joinLines(lines.slice(from, to), edge);
      if (text) sections.push({ text, page, ...(path.length > 0 ? { headingPath: path } : {}) });
      from = to;
    };
    // headings whose page has gone by (unresolvable positions) take effect here
    while (next < headings.length && (headings[next]?.page ?? 0) < page)
      path = headings[next++]?.path ?? path;
    while (next < headings.length && headings[next]?.page === page) {
      const heading = headings[next++] as PdfHeading;
      const at = headingLine(lines, heading, from);
      flush(at);
      path = heading.path;
    }
    flush(lines.length);
  }
  return sections;
}

function headingLine(lines: PdfLine[], heading: PdfHeading, from: number): number {
  const title = compact(heading.path.at(-1) ?? '').slice(0, 20);
  const below = (line: PdfLine) => heading.top === undefined || line.y <= heading.top + 2;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as PdfLine;
    if (title && below(line) && compact(line.text).includes(title)) return i;
  }
  if (heading.top === undefined) return from;
  for (let i = from; i < lines.length; i++) if (below(lines[i] as PdfLine)) return i;
  return lines.length;
}

/**
 * Where full lines end: the line end most lines share (justified text, CJK or Latin, ends
 * every wrapped line at the margin); none when fewer than three lines agree (ragged text,
 * a page of code), and then no line counts as wrapped.
 */
function rightEdge(lines: PdfLine[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.end), (counts.get(Math.round(line.end)) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [end, count] of counts) if (count >= 3 && (!best || count > best[1])) best = [end, count];
  return best?.[0];
}
