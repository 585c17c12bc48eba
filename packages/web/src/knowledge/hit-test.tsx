import type { SearchResult } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { HitRow } from './hit-row';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** Type a query, see the ranked chunks with their relevance, marked where chat would not use them. */
export function HitTest({ kbId }: { kbId: string }) {
  const t = useKbText();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(await kbApi.search(kbId, query));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="kb-section" aria-label={t('hitTest')}>
      <form className="inline-form" onSubmit={submit}>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('query')}
          aria-label={t('query')}
          maxLength={2000}
          data-testid="hit-test-input"
        />
        <button type="submit" disabled={busy || !query.trim()} data-testid="hit-test-submit">
          {t('search')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="muted small" data-testid="hit-mode">
            {t(`mode_${result.mode}`)}
            {result.notes.map((note) => ` · ${note}`).join('')}
          </p>
          {result.scoreThreshold !== undefined && (
            <p className="muted small" data-testid="hit-threshold">
              {t('thresholdHint', { threshold: result.scoreThreshold.toFixed(2) })}
            </p>
          )}
          {result.hits.length === 0 && <p className="muted">{t('noHits')}</p>}
          <ol className="hit-list">
            {result.hits.map((hit, rank) => (
              <HitRow key={hit.chunkId} hit={hit} rank={rank + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
