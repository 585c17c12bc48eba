/**
 * Whether text saved as .txt is really Markdown. Only structure that plain text does not
 * produce by accident counts, and it must recur: ATX headings that stand alone as headings,
 * pipe tables with a delimiter row whose cells match the header's, fenced code, links.
 * A shell comment, a man page's indented `# command`, an ASCII-art table drawn with `+---+`
 * or a list of dashes are not signals, so logs, man pages and prose stay plain text.
 */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let score = 0;
  let hashLines = 0;
  let headings = 0;
  let fences = 0;
  let links = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^ {0,3}#/.test(line)) {
      hashLines++;
      if (isHeading(lines, i)) headings++;
    }
    if (/^ {0,3}```[\w+-]*\s*$/.test(line)) fences++;
    if (isTableStart(lines, i)) score += 2;
    links += line.match(/\[[^\]\n]+\]\((https?:\/\/|\.{0,2}\/|#)[^)\s]*\)/g)?.length ?? 0;
  }
  // a file of `#` comments with a few heading-like ones among them is a script or a config
  if (headings > 0 && headings * 2 >= hashLines) score += headings;
  score += Math.floor(fences / 2) + Math.min(links, 2);
  return score >= 3;
}

// `## Title` on its own: `#` then a space, not indented into a code block, not one of a run of
// `#` lines (a comment block); a level-1 one must also stand between blank lines, as a
// `# comment` before a line of code does not
function isHeading(lines: readonly string[], i: number): boolean {
  const match = /^ {0,3}(#{1,6})[ \t]+\S/.exec(lines[i]!);
  if (!match) return false;
  const before = lines[i - 1];
  const after = lines[i + 1];
  if ([before, after].some((line) => line !== undefined && /^\s*#/.test(line))) return false;
  if (match[1]!.length > 1) return true;
  return [before, after].every((line) => line === undefined || line.trim() === '');
}

// a header row and a delimiter row (`| --- | :-: |`) with the same number of cells, at least two
function isTableStart(lines: readonly string[], i: number): boolean {
  const header = lines[i]!;
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !header.includes('|') || /^ {4}/.test(header) || /^ {4}/.test(delimiter))
    return false;
  const cells = splitRow(delimiter);
  if (cells.length < 2 || !cells.every((cell) => /^:?-{3,}:?$/.test(cell))) return false;
  return splitRow(header).length === cells.length;
}

function splitRow(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}
