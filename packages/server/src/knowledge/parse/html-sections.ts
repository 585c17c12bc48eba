import { blockStats } from './html-block-stats';
import { isBoilerplate, isFootnotes } from './html-boilerplate';
import { attribute, type DomNode } from './html-dom-node';
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
  'tt',
]);
const cells = new Set(['td', 'th']);
// a header or footer inside one of these belongs to that article or section, not to the page
const sectioning = new Set(['article', 'main', 'section']);

export interface HtmlSectionsOptions {
  /** when given, text is read only inside these elements (and footnotes); headings are read everywhere */
  within?: ReadonlySet<DomNode>;
  /** keep blocks that are mostly links (for a page that is nothing but a table of contents) */
  keepLinkLists?: boolean;
}

/**
 * Walks a DOM (linkedom's or the browser's) into one section per heading (h1–h6; the heading
 * path holds the enclosing headings, the heading's own text last). Block elements end a
 * paragraph, table cells are joined with " | " so a row reads as one record, preformatted text
 * keeps its lines, page furniture (isBoilerplate) is left out, footnotes get a section of their own.
 */
export function htmlSections(root: DomNode, options: HtmlSectionsOptions = {}): ParsedSection[] {
  const stats = blockStats(root);
  const pageChars = stats.get(root)?.chars ?? 0;
  const sections: ParsedSection[] = [];
  // `used`: the heading has text or a sub-heading under it
  let path: { level: number; text: string; used: boolean }[] = [];
  let paragraphs: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  const endSection = () => {
    endLine();
    if (paragraphs.length > 0) {
      sections.push({ text: paragraphs.join('\n'), headingPath: path.map((h) => h.text) });
      const last = path.at(-1);
      if (last) last.used = true;
    }
    paragraphs = [];
  };
  const walk = (node: DomNode, inside: boolean, sectioned: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (inside) line += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toLowerCase();
      const footnotes = isFootnotes(child, tag);
      if (!footnotes && skipped.has(tag)) continue;
      if (tag === 'footer' || (tag === 'header' && !sectioned)) continue;
      const counted = stats.get(child);
      if (!footnotes && counted && isBoilerplate(child, tag, counted, pageChars, options)) continue;
      const level = /^h([1-6])$/.exec(tag)?.[1];
      const within = inside || footnotes || options.within?.has(child) === true;
      if (level) {
        endSection();
        const text = headingText(child);
        if (text) openHeading(path, Number(level), text);
      } else if (footnotes) {
        // notes gathered at the end of a page belong to no one sub-section: the page's top heading
        endSection();
        const outer = path;
        path = path.slice(0, 1);
        walk(child, true, sectioned);
        endSection();
        path = outer;
      } else if (tag === 'pre') {
        endLine();
        if (within) for (const text of preLines(child)) paragraphs.push(text);
      } else if (tag === 'br') {
        endLine();
      } else if (cells.has(tag)) {
        walk(child, within, sectioned);
        line += ' | ';
      } else if (inline.has(tag)) {
        walk(child, within, sectioned);
      } else {
        endLine();
        walk(child, within, sectioned || sectioning.has(tag));
        line = line.replace(/[\s|]+$/, '');
        endLine();
      }
    }
  };
  walk(root, !options.within, false);
  endSection();
  return sections;
}

/** A heading's words, without the permalink mark ("¶", "#", "§") Sphinx, MkDocs and Hugo add. */
function headingText(heading: DomNode): string {
  const read = (node: DomNode): string =>
    Array.from(node.childNodes)
      .map((child) => {
        if (child.nodeType === 3) return child.textContent ?? '';
        if (child.nodeType !== 1 || skipped.has(child.nodeName.toLowerCase())) return '';
        const own = read(child);
        const permalink = child.nodeName.toLowerCase() === 'a' && attribute(child, 'href').startsWith('#');
        return permalink && !/[\p{L}\p{N}]/u.test(own) ? '' : own;
      })
      .join('');
  return read(heading).replace(/\s+/g, ' ').trim();
}

/**
 * Puts a heading on the path in place of those it ends. A heading with nothing under it takes
 * the next one of its own level as its child: "2.3.4 Arrays, Unions" then "2.3.4.1 Arrays", both
 * h4 (texinfo), or an empty "Error solutions" h2 over the h2 problems, would otherwise leave
 * the first heading in no section, and so unsearchable.
 */
function openHeading(path: { level: number; text: string; used: boolean }[], level: number, text: string) {
  for (let top = path.at(-1); top && top.level >= level; top = path.at(-1)) {
    if (top.level === level && !top.used) break;
    path.pop();
  }
  const parent = path.at(-1);
  if (parent) parent.used = true;
  path.push({ level, text, used: false });
}

// a code block or a config file: one line per source line, indentation kept
function preLines(pre: DomNode): string[] {
  let text = '';
  const read = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1 && child.nodeName.toLowerCase() === 'br') text += '\n';
      else if (child.nodeType === 1) read(child);
    }
  };
  read(pre);
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim().length > 0);
}
