import { attribute, type DomNode, squashedLength } from './html-dom-node';

/** What the boilerplate test needs to know of an element, counted once for the whole page. */
export interface BlockStats {
  /** characters of visible text, whitespace not counted */
  chars: number;
  /** links within the site (not http:, mailto: …) and the characters of their text */
  links: number;
  linkChars: number;
  /** holds a table or preformatted text: content whatever its links */
  content: boolean;
}

const invisible = new Set(['script', 'style', 'noscript', 'template', 'head']);
const empty: BlockStats = { chars: 0, links: 0, linkChars: 0, content: false };

/**
 * Counts every element's text and links in one pass from the leaves up, so deciding what is
 * page furniture costs linear time even on a page of 100,000 elements (textContent per element
 * would cost that times the depth).
 */
export function blockStats(root: DomNode): Map<DomNode, BlockStats> {
  const stats = new Map<DomNode, BlockStats>();
  const visit = (node: DomNode): BlockStats => {
    if (node.nodeType === 3) return { ...empty, chars: squashedLength(node.textContent) };
    if (node.nodeType !== 1 && node !== root) return empty;
    const tag = node.nodeName.toLowerCase();
    if (invisible.has(tag)) return empty;
    const own: BlockStats = { ...empty, content: tag === 'table' || tag === 'pre' };
    for (const child of Array.from(node.childNodes)) {
      const sub = visit(child);
      own.chars += sub.chars;
      own.links += sub.links;
      own.linkChars += sub.linkChars;
      own.content ||= sub.content;
    }
    const href = tag === 'a' ? attribute(node, 'href') : '';
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      own.links = 1;
      own.linkChars = own.chars;
    }
    stats.set(node, own);
    return own;
  };
  visit(root);
  return stats;
}
