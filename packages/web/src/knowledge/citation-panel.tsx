import type { KnowledgeSource } from '@qiao/core';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { highlightPassage } from './highlight-passage';
import { useKbText } from './kb-text';

/** The exact passage behind a citation: document, page, heading, and the cited text marked. */
export default function CitationPanel({
  source,
  quote,
  onClose,
}: {
  source: KnowledgeSource;
  quote: string;
  onClose: () => void;
}) {
  const t = useKbText();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const parts = highlightPassage(source.text, quote);
  // on the body: a transcript row is transformed (virtual list), which would contain `fixed`
  return createPortal(
    <>
      <div className="citation-scrim" onClick={onClose} aria-hidden="true" />
      <aside
        className="citation-panel"
        role="dialog"
        aria-modal="true"
        aria-label={t('citation', { n: source.index })}
        data-testid="citation-panel"
      >
        <header>
          <span className="citation" aria-hidden="true">
            {source.index}
          </span>
          <strong data-testid="citation-document">{source.document}</strong>
          <button ref={close} type="button" className="ghost small" onClick={onClose} aria-label={t('close')}>
            ✕
          </button>
        </header>
        <p className="citation-meta muted small">
          {source.page !== undefined && (
            <span data-testid="citation-page">{t('page', { n: source.page })}</span>
          )}
          {source.heading && <span data-testid="citation-heading">{source.heading}</span>}
        </p>
        <blockquote className="citation-passage" aria-label={t('passage')}>
          {parts.map((part, i) =>
            part.mark ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed split of one text
              <mark key={i} data-testid="citation-highlight">
                {part.text}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={i}>{part.text}</span>
            ),
          )}
        </blockquote>
        <Link
          to={`/knowledge/${source.kbId}/documents/${source.documentId}`}
          className="small"
          onClick={onClose}
        >
          {t('documents')} →
        </Link>
      </aside>
    </>,
    document.body,
  );
}
