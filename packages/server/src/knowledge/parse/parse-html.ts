import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { baseName } from './base-name';
import { decodeText, normalizeText } from './decode-text';
import { htmlSections } from './html-sections';
import type { ParsedDocument, ParseInput } from './parsed-document';

/**
 * The main content of a web page: Readability's pick when it finds an article, else the body
 * without navigation, headers, footers and scripts.
 */
export async function parseHtml(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  const html = normalizeText(text);
  const pageTitle = parseHTML(html).document.title?.trim();
  const article = readArticle(html);
  const { document } = parseHTML(article ? `<html><body>${article.content}</body></html>` : html);
  const sections = htmlSections(document.body ?? document.documentElement);
  return {
    title: article?.title?.trim() || pageTitle || baseName(input.filename),
    sections,
    warnings: warning ? [warning] : [],
  };
}

function readArticle(html: string) {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    return article?.content && (article.textContent ?? '').trim().length >= 200 ? article : null;
  } catch {
    // Readability gives up on odd markup; the plain walk below still reads the page
    return null;
  }
}
