import type { KbChunkDto } from '@qiao/core';
import { useState } from 'react';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** One chunk: its heading path, page and text; writers edit it in place (re-indexed on save). */
export function ChunkRow({
  kbId,
  chunk,
  canWrite,
  onSaved,
}: {
  kbId: string;
  chunk: KbChunkDto;
  canWrite: boolean;
  onSaved: (chunk: KbChunkDto) => void;
}) {
  const t = useKbText();
  const [draft, setDraft] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async () => {
    if (draft === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await kbApi.editChunk(kbId, chunk.id, draft));
      setDraft(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="chunk-row" data-testid="chunk-row" data-chunk-id={chunk.id}>
      <div className="chunk-meta muted small">
        <span className="chunk-index">#{chunk.index + 1}</span>
        {chunk.headingPath.length > 0 && (
          <span data-testid="chunk-heading">{chunk.headingPath.join(' › ')}</span>
        )}
        {chunk.page !== null && <span>{t('page', { n: chunk.page })}</span>}
        <span>
          {chunk.charCount} · ~{chunk.tokenCount} tokens
        </span>
        {chunk.edited && <span className="chunk-edited">{t('edited')}</span>}
      </div>
      {draft === undefined ? (
        <p className="chunk-text" data-testid="chunk-text">
          {chunk.text}
        </p>
      ) : (
        <textarea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          rows={Math.min(14, Math.max(4, Math.ceil(draft.length / 60)))}
          aria-label={`${t('edit')} #${chunk.index + 1}`}
          data-testid="chunk-input"
        />
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {canWrite && (
        <div className="row-end">
          {draft === undefined ? (
            <button
              type="button"
              className="ghost small"
              onClick={() => setDraft(chunk.text)}
              data-testid="chunk-edit"
            >
              {t('edit')}
            </button>
          ) : (
            <>
              <button type="button" className="ghost small" onClick={() => setDraft(undefined)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="primary small"
                disabled={busy || !draft.trim()}
                onClick={() => void save()}
                data-testid="chunk-save"
              >
                {t('save')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
