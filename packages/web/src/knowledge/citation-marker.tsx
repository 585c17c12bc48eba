import type { ComponentProps } from 'react';
import { useCitations } from './citation-context';

type SupProps = ComponentProps<'sup'> & { node?: unknown; 'data-cite'?: string; 'data-quote'?: string };

/**
 * `<sup>` of the markdown: a `[n]` marker (see rehype-citations.ts) becomes a button opening
 * source n when the answer has one; any other sup, or a marker without a source, stays text.
 */
export function CitationMarker({ node: _node, 'data-cite': cite, 'data-quote': quote, ...props }: SupProps) {
  const { sources, open } = useCitations();
  if (cite === undefined) return <sup {...props} />;
  const index = Number(cite);
  const source = sources.find((s) => s.index === index);
  if (!source) return <span>{props.children}</span>;
  return (
    <sup className="citation-sup">
      <button
        type="button"
        className="citation"
        data-testid="citation"
        data-index={index}
        aria-label={`[${index}] ${source.document}`}
        title={source.heading ? `${source.document} · ${source.heading}` : source.document}
        onClick={() => open(index, quote ?? '')}
      >
        {index}
      </button>
    </sup>
  );
}
