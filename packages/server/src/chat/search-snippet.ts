const radius = 40;

/** About 80 characters of `text` around the first case-insensitive hit of `query`, on one line. */
export function searchSnippet(text: string, query: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0)
    return Array.from(flat)
      .slice(0, radius * 2)
      .join('');
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + query.length + radius);
  // Stay off the middle of a surrogate pair so emoji and rare CJK characters are not split.
  const from = isLowSurrogate(flat, start) ? start - 1 : start;
  const to = isLowSurrogate(flat, end) ? end + 1 : end;
  return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
