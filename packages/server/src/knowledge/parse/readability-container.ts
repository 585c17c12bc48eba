import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DomNode } from './html-dom-node';

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];
interface MarkedElement {
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  parentElement: (MarkedElement & { closest(selector: string): unknown }) | null;
}
const elementsOf = (document: LinkedomDocument, selector: string) =>
  Array.from((document.body?.querySelectorAll(selector) ?? []) as ArrayLike<MarkedElement>);

const mark = 'data-qiao-n';

/**
 * The element of `document` that holds what Readability takes as the article, found by
 * numbering the elements of a second copy of the page (Readability rewrites the DOM it reads)
 * and reading the numbers back from its output. Readability keeps the best-scored block and
 * those of its siblings that score well, and drops the rest (a chapter's opening paragraphs
 * before its first section, say): the element enclosing all it kept is taken whole. Null when
 * it finds no article or gives up on the markup.
 */
export function readabilityContainer(
  html: string,
  document: LinkedomDocument,
): { container: DomNode; title: string | undefined } | null {
  try {
    const copy = parseHTML(html).document;
    const originals = elementsOf(document, '*');
    const copies = elementsOf(copy, '*');
    if (originals.length === 0 || originals.length !== copies.length) return null;
    for (const [index, element] of copies.entries()) element.setAttribute(mark, String(index));
    const article = new Readability(copy as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
    if (!article?.content || (article.textContent ?? '').trim().length < 200) return null;
    const output = parseHTML(`<html><body>${article.content}</body></html>`).document;
    let container: MarkedElement | undefined;
    for (const element of elementsOf(output, `[${mark}]`)) {
      if (element.parentElement?.closest(`[${mark}]`)) continue;
      const original = originals[Number(element.getAttribute(mark))];
      if (original) container = container ? enclosing(container, original) : original;
    }
    return container
      ? { container: container as unknown as DomNode, title: article.title?.trim() || undefined }
      : null;
  } catch {
    // Readability gives up on odd markup; the plain walk still reads the page
    return null;
  }
}

function enclosing(a: MarkedElement, b: MarkedElement): MarkedElement | undefined {
  const ancestors = new Set<MarkedElement>();
  for (let node: MarkedElement | null = a; node; node = node.parentElement) ancestors.add(node);
  for (let node: MarkedElement | null = b; node; node = node.parentElement)
    if (ancestors.has(node)) return node;
  return undefined;
}
