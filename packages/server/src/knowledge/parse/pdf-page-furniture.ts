import type { PdfLine } from './pdf-lines';

/** how many lines at the top and at the bottom of a page may be running headers or footers */
const edgeLines = 2;

/** page numbers (arabic or roman) do not count when lines are compared across pages */
const runningKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\d+/g, '#')
    .replace(/(^|\s)[ivxlc]+(?=\s|$)/gi, '$1#')
    .replace(/\s+/g, '');

/**
 * Drops running headers and footers: a line among the top or bottom lines of its page whose
 * text (numbers aside) sits at the edge of at least half of the pages (and of three or more),
 * e.g. "Debian Edu / Skolelinux 12 Bookworm 手册 17 / 92". Lone page numbers go too.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const edges = pages.map(edgeSet);
  const counts = new Map<string, number>();
  for (const keys of edges)
    for (const key of new Set([...keys].map(([, k]) => k))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const threshold = Math.max(3, pages.length / 2);
  return pages.map((lines, index) => {
    const edge = edges[index] ?? new Map<PdfLine, string>();
    return lines.filter((line) => {
      const key = edge.get(line);
      if (key === undefined) return true;
      if (/^[#\-–—/|\s]*$/.test(key.slice(key.indexOf(':') + 1))) return false;
      return (counts.get(key) ?? 0) < threshold;
    });
  });
}

function edgeSet(lines: PdfLine[]): Map<PdfLine, string> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const edge = new Set([...byHeight.slice(0, edgeLines), ...byHeight.slice(-edgeLines)]);
  // the same place on every page, give or take a few points
  return new Map([...edge].map((line) => [line, `${Math.round(line.y / 6)}:${runningKey(line.text)}`]));
}

/** "3.1.2 主服务器 . . . . . . 3" or "Introduction ........ 12": a table-of-contents entry */
const dotLeader = /(?:\.\s?){4,}\s*[\divxlc]+$|…{2,}\s*[\divxlc]+$/i;

/**
 * Drops table-of-contents lines (the outline, or the headings themselves, carry the titles):
 * dot-leader entries, and on a page that is mostly such entries, the entries without leaders
 * ("3 结构 2") too.
 */
export function dropContentsLines(lines: PdfLine[]): PdfLine[] {
  const leaders = lines.filter((line) => dotLeader.test(line.text)).length;
  const contentsPage = leaders >= 3 && leaders >= lines.length / 3;
  return lines.filter(
    (line) => !dotLeader.test(line.text) && !(contentsPage && /\S\s+[\divxlc]+$/i.test(line.text)),
  );
}
