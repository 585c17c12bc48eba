import type { BlockStats } from './html-block-stats';
import { attribute, type DomNode } from './html-dom-node';

const boilerplateRoles = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'doc-backlink',
]);
// words of class and id names that mark page furniture (DocBook's navheader, a theme's site-footer, …)
const boilerplateWords =
  /^(nav|navbar|navheader|navfooter|navigation|topnav|sidenav|menu|menubar|breadcrumbs?|sidebar|header|footer|masthead|banner|comments?|cookies?|consent|pagination|pager|share|sharing|social|related|popup|modal|ads?|advert|advertisement|widget|toolbar|skip)$/i;
// …unless the same element also says it is the content
const contentWords = /^(article|content|main|body|post|entry|text)$/i;
const linkListTags = new Set(['ul', 'ol', 'dl', 'div', 'menu']);
const maxClassShare = 0.3;
const classedTags = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'p',
  'span',
  'aside',
  'menu',
  'details',
]);

/**
 * Whether an element is page furniture rather than content: a navigation/banner role, a class or
 * id that names navigation, headers, footers, sidebars, comments or ads, or a block that is
 * mostly links (a table of contents, a link bar). A class name alone never drops more than
 * 30% of the page's text, so a theme's `<div id="page" class="has-header">` cannot
 * swallow the article.
 */
export function isBoilerplate(
  node: DomNode,
  tag: string,
  stats: BlockStats,
  pageChars: number,
  options: { keepLinkLists?: boolean } = {},
): boolean {
  if (boilerplateRoles.has(attribute(node, 'role').toLowerCase())) return true;
  if (node.getAttribute?.('hidden') != null || attribute(node, 'aria-hidden') === 'true') return true;
  if (classedTags.has(tag)) {
    const words = `${attribute(node, 'class')} ${attribute(node, 'id')}`.split(/[\s_-]+/).filter(Boolean);
    if (words.some((w) => boilerplateWords.test(w)) && !words.some((w) => contentWords.test(w)))
      if (stats.chars <= pageChars * maxClassShare) return true;
  }
  return !options.keepLinkLists && linkListTags.has(tag) && isLinkList(stats);
}

const noteTags = new Set(['div', 'section', 'aside', 'ol', 'ul', 'dl', 'footer']);

/**
 * A block of footnotes or endnotes: kept even where the article extraction left them out. Only
 * blocks: DocBook also gives the reference mark in the sentence (an <a>) the class "footnote".
 */
export function isFootnotes(node: DomNode, tag: string): boolean {
  if (!noteTags.has(tag)) return false;
  const role = attribute(node, 'role');
  if (role === 'doc-endnotes' || role === 'doc-footnote') return true;
  if (/footnote|endnote|rearnote/.test(attribute(node, 'epub:type'))) return true;
  return `${attribute(node, 'class')} ${attribute(node, 'id')}`
    .split(/[\s_-]+/)
    .some((w) => /^(foot|end)notes?$/i.test(w));
}

// a table of contents or a link bar: several links within the site and little text of its own.
// Links out (http:, mailto:) are a reading list, and tables are content whatever their links.
const isLinkList = (stats: BlockStats) =>
  !stats.content && stats.links >= 3 && stats.linkChars >= stats.chars * 0.7;
