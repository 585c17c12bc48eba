import { Lexer } from 'marked';
import { baseName } from './base-name';
import { decodeText, normalizeText } from './decode-text';
import type { ParsedDocument, ParsedSection, ParseInput } from './parsed-document';

/** One section per heading, with the path of headings above it; code blocks stay whole. */
export async function parseMarkdown(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  const { title, sections } = markdownSections(normalizeText(text));
  return { title: title ?? baseName(input.filename), sections, warnings: warning ? [warning] : [] };
}

export function markdownSections(markdown: string): { title?: string; sections: ParsedSection[] } {
  const sections: ParsedSection[] = [];
  const path: { depth: number; text: string }[] = [];
  let title: string | undefined;
  let body: string[] = [];
  const flush = () => {
    const text = body.join('\n').trim();
    if (text) sections.push({ text, headingPath: path.map((heading) => heading.text) });
    body = [];
  };
  for (const token of Lexer.lex(markdown)) {
    if (token.type === 'heading') {
      flush();
      const depth = token.depth as number;
      const heading = plain(token.text as string);
      while (path.length > 0 && path.at(-1)!.depth >= depth) path.pop();
      path.push({ depth, text: heading });
      if (depth === 1 && title === undefined) title = heading;
    } else if (token.type !== 'space') {
      body.push(token.raw.trim());
    }
  }
  flush();
  return { ...(title === undefined ? {} : { title }), sections };
}

// headings keep their words, not their markup
function plain(text: string): string {
  return text
    .replace(/[*_`~]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}
