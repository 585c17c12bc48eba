import type { KbDocumentDto } from '@qiao/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';
import { pendingStatuses } from './use-documents';

/** A document with its job's status, progress bar, failure reason and actions. */
export function DocumentRow({
  kbId,
  doc,
  canWrite,
  onChange,
}: {
  kbId: string;
  doc: KbDocumentDto;
  canWrite: boolean;
  onChange: () => void;
}) {
  const t = useKbText();
  const [error, setError] = useState<string>();
  const pending = pendingStatuses.includes(doc.status);
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      onChange();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const remove = () => {
    if (window.confirm(t('confirmDeleteDoc', { name: doc.name })))
      void act(() => kbApi.removeDocument(kbId, doc.id));
  };
  const percent = Math.round((doc.status === 'ready' ? 1 : doc.progress) * 100);
  return (
    <li className="doc-row" data-testid="doc-row" data-status={doc.status} data-name={doc.name}>
      <div className="doc-main">
        {doc.status === 'ready' ? (
          <Link to={`/knowledge/${kbId}/documents/${doc.id}`} className="doc-name" data-testid="doc-open">
            {doc.title || doc.name}
          </Link>
        ) : (
          <span className="doc-name">{doc.title || doc.name}</span>
        )}
        <span className="muted small">
          {doc.format ?? '?'} · {formatBytes(doc.sizeBytes)}
          {doc.status === 'ready' && ` · ${t('chunks')} ${doc.chunkCount}`}
          {doc.pageCount ? ` · ${doc.pageCount}p` : ''}
        </span>
      </div>
      <span className={`doc-status status-${doc.status}`} data-testid="doc-status">
        {t(`status_${doc.status}`)}
      </span>
      {(pending || doc.status === 'ready') && (
        <div
          className="doc-progress"
          role="progressbar"
          aria-label={t(`status_${doc.status}`)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-testid="doc-progress"
        >
          <span style={{ width: `${percent}%` }} />
        </div>
      )}
      {doc.error && (
        <p className="doc-error error small" data-testid="doc-error">
          {doc.error}
        </p>
      )}
      {canWrite && (
        <div className="doc-actions">
          {pending && (
            <button
              type="button"
              className="ghost small"
              onClick={() => void act(() => kbApi.cancel(kbId, doc.id))}
            >
              {t('cancel')}
            </button>
          )}
          {(doc.status === 'failed' || doc.status === 'cancelled') && (
            <button
              type="button"
              className="ghost small"
              onClick={() => void act(() => kbApi.retry(kbId, doc.id))}
              data-testid="doc-retry"
            >
              {t('retry')}
            </button>
          )}
          <button
            type="button"
            className="ghost small danger"
            onClick={remove}
            aria-label={`${t('delete')} ${doc.name}`}
            data-testid="doc-delete"
          >
            {t('delete')}
          </button>
        </div>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
