import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
});
turndown.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button', 'svg', 'nav', 'footer']);

export interface PageContent {
  title: string;
  markdown: string;
}

/**
 * The main content of a page as markdown: Readability picks the article (dropping navigation,
 * ads and sidebars); a page it cannot read falls back to the whole body minus scripts and nav.
 */
export function htmlToMarkdown(html: string, url: string): PageContent {
  const document = loadPage(html, url);
  const title = document.querySelector('title')?.textContent?.trim() ?? '';
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    // Readability takes the document apart; cloning it first cost as much as parsing again
    article = new Readability(document as never, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  const content = article?.content || loadPage(html, url).body?.innerHTML || '';
  const markdown = turndown
    .turndown(content)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title: article?.title?.trim() || title, markdown };
}

function loadPage(html: string, url: string) {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  // Relative links only mean something next to the page they came from.
  for (const link of document.querySelectorAll('a[href]')) {
    try {
      link.setAttribute('href', new URL(link.getAttribute('href') ?? '', url).href);
    } catch {
      link.removeAttribute('href');
    }
  }
  return document;
}
