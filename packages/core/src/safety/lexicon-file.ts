/** One imported line: the term, and its category when the file names one. */
export interface ImportedTerm {
  term: string;
  category?: string;
}

const unquote = (field: string) => {
  const trimmed = field.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed;
};

/**
 * Reads a lexicon file: one term per line, or CSV lines `term,category` (the last comma
 * splits, so terms may contain commas when quoted). Blank lines, `#` comments and a
 * `term,category` header are skipped.
 */
export function parseLexiconFile(text: string): ImportedTerm[] {
  const out: ImportedTerm[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const comma = line.lastIndexOf(',');
    if (comma === -1 || line.endsWith('"')) {
      out.push({ term: unquote(line) });
      continue;
    }
    const term = unquote(line.slice(0, comma));
    const category = line
      .slice(comma + 1)
      .trim()
      .toLowerCase();
    if (term.toLowerCase() === 'term' && category === 'category') continue;
    if (term) out.push(category ? { term, category } : { term });
  }
  return out;
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** CSV with a header, readable back by `parseLexiconFile`. */
export function formatLexiconCsv(terms: readonly { term: string; category: string }[]): string {
  return ['term,category', ...terms.map((t) => `${csvField(t.term)},${t.category}`)].join('\n') + '\n';
}
