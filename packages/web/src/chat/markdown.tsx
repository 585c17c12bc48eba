import 'katex/dist/katex.min.css';
import { type ComponentProps, memo, type ReactElement } from 'react';
import ReactMarkdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CitationMarker } from '../knowledge/citation-marker';
import { rehypeCitations } from '../knowledge/rehype-citations';
import { AnswerImage } from './answer-image';
import { CodeBlock } from './code-block';
import { rehypeCodeHighlight } from './rehype-code-highlight';

/**
 * Sanitizing runs first, on what the model wrote; KaTeX and the highlighter run after it on
 * already-clean trees. The schema only adds the classes remark-math uses to mark formulas.
 */
export const sanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};

const remarkPlugins: ComponentProps<typeof ReactMarkdown>['remarkPlugins'] = [remarkGfm, remarkMath];
const rehypePlugins: ComponentProps<typeof ReactMarkdown>['rehypePlugins'] = [
  [rehypeSanitize, sanitizeSchema],
  rehypeKatex,
  rehypeCodeHighlight,
  rehypeCitations,
];
const components: ComponentProps<typeof ReactMarkdown>['components'] = {
  pre: CodeBlock,
  sup: CitationMarker,
  img: AnswerImage,
};

// Rows of a long conversation unmount and mount again as the reader scrolls; finished answers
// keep their parsed tree here so scrolling back does not parse and highlight them again.
const cache = new Map<string, ReactElement>();
const cacheLimit = 300;

/** Model output as markdown; raw HTML is never rendered (react-markdown drops it and sanitize cleans the rest). */
function Markdown({ text, final = false }: { text: string; final?: boolean }) {
  const cached = final ? cache.get(text) : undefined;
  if (cached) return cached;
  const element = (
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
      {text}
    </ReactMarkdown>
  );
  if (final) {
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
    cache.set(text, element);
  }
  return element;
}

export default memo(Markdown);
