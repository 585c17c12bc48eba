import { parseHTML } from 'linkedom';
import { baseName } from './base-name';
import { decodeText, normalizeKeepingPunctuation } from './decode-text';
import { type DomNode, squashedLength } from './html-dom-node';
import { htmlSections } from './html-sections';
import type { ParsedDocument, ParsedSection, ParseInput } from './parsed-document';
import { readabilityContainer } from './readability-container';

// Readability's pick is trusted only when it keeps this much of the page's text: on manuals and
// reference pages it often takes one sub-section for the article and drops the rest
const trustedShare = 0.8;

/**
 * The content of a web page with its headings: the body without navigation, headers, footers,
 * sidebars and link lists, narrowed to Readability's article when that keeps most of the text.
 */
export async function parseHtml(input: ParseInput): Promise<Omit<ParsedDocument, 'format'>> {
  const { text, warning } = decodeText(input.bytes, input.filename);
  // spaces are folded by the walk, except inside <pre>, where indentation is meaning
  const html = normalizeKeepingPunctuation(text).replace(/\r\n?/g, '\n');
  const { document } = parseHTML(html);
  const pageTitle = document.title?.trim();
  const body = (document.body ?? document.documentElement) as unknown as DomNode;
  const whole = readable(body);
  const article = readabilityContainer(html, document);
  const narrowed = article ? htmlSections(body, { within: new Set([article.container]) }) : [];
  const sections = chars(narrowed) >= chars(whole) * trustedShare ? narrowed : whole;
  return {
    title: article?.title || pageTitle || baseName(input.filename),
    sections,
    warnings: warning ? [warning] : [],
  };
}

// a page that is nothing but a table of contents or an index is read with its link lists
function readable(body: DomNode): ParsedSection[] {
  const strict = htmlSections(body);
  if (chars(strict) >= squashedLength(body.textContent) * 0.25) return strict;
  const lenient = htmlSections(body, { keepLinkLists: true });
  return chars(lenient) > chars(strict) ? lenient : strict;
}

const chars = (sections: ParsedSection[]) =>
  sections.reduce((sum, s) => sum + s.text.replace(/\s+/g, '').length, 0);
