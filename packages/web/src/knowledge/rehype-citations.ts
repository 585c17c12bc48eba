import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { type CitePart, splitCitations } from './split-citations';

const skipped = new Set(['code', 'pre', 'a', 'sup']);

/**
 * Turns the `[n]` citation markers of an answer into `<sup data-cite="n" data-quote="…">`,
 * where the quote is the sentence the marker closes (what the highlight in the passage looks
 * for). Runs after sanitizing: it adds its own elements to an already clean tree.
 */
export function rehypeCitations() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && skipped.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const parts = splitCitations(node.value);
      if (parts.length === 1 && typeof parts[0] === 'string') return;
      const children: ElementContent[] = parts.map((part) =>
        typeof part === 'string' ? ({ type: 'text', value: part } satisfies Text) : citeElement(part),
      );
      (parent.children as ElementContent[]).splice(index, 1, ...children);
      return [SKIP, index + children.length];
    });
  };
}

function citeElement(part: CitePart): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: { dataCite: String(part.index), dataQuote: part.quote },
    children: [{ type: 'text', value: `[${part.index}]` }],
  };
}
