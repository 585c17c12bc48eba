import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { common, createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';

// One highlighter for the page. rehype-highlight builds (and registers ~40 grammars in) a new
// one each time its plugin is attached, which react-markdown does on every render: ~60 ms a row.
const lowlight = createLowlight(common);

/** Highlights `<pre><code class="language-x">` blocks whose language is known; others stay plain. */
export function rehypeCodeHighlight() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'code' || !parent || parent.type !== 'element' || parent.tagName !== 'pre') return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
      if (!language || !lowlight.registered(language)) return;
      const result = lowlight.highlight(language, toText(node, { whitespace: 'pre' }));
      node.children = result.children as Element['children'];
      node.properties.className = [...classes, 'hljs'];
    });
  };
}
