import type { ParsedSection } from './parsed-document';

// what a reader never sees as content
const skipped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'head',
]);
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'font',
  'label',
  'img',
]);
const cells = new Set(['td', 'th']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Walks a DOM (linkedom's or the browser's) into one section per heading. Block elements end
 * a paragraph, table cells are joined with " | " so a row reads as one record.
 */
export function htmlSections(root: DomNode): ParsedSection[] {
  const sections: ParsedSection[] = [];
  const path: { level: number; text: string }[] = [];
  let paragraphs: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  const endSection = () => {
    endLine();
    if (paragraphs.length > 0)
      sections.push({ text: paragraphs.join('\n'), headingPath: path.map((h) => h.text) });
    paragraphs = [];
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        line += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      if (skipped.has(tag)) continue;
      const level = /^h([1-6])$/.exec(tag)?.[1];
      if (level) {
        endSection();
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        while (path.length > 0 && path.at(-1)!.level >= Number(level)) path.pop();
        if (text) path.push({ level: Number(level), text });
      } else if (tag === 'br') {
        endLine();
      } else if (cells.has(tag)) {
        walk(child);
        line += ' | ';
      } else if (inline.has(tag)) {
        walk(child);
      } else {
        endLine();
        walk(child);
        line = line.replace(/[\s|]+$/, '');
        endLine();
      }
    }
  };
  walk(root);
  endSection();
  return sections;
}
