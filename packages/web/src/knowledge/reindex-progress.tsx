import type { KnowledgeBaseDto } from '@qiao/core';
import { useEffect } from 'react';
import { useKbText } from './kb-text';

/**
 * While the server re-indexes the knowledge base with newer search terms (after an upgrade):
 * how far it is, asked again every few seconds until it is done.
 */
export function ReindexProgress({ kb, reload }: { kb: KnowledgeBaseDto; reload: () => void }) {
  const t = useKbText();
  const progress = kb.reindex;
  useEffect(() => {
    if (!progress) return;
    const timer = setTimeout(reload, 3_000);
    return () => clearTimeout(timer);
  }, [progress, reload]);
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const line = t('reindexing', { done: progress.done, total: progress.total });
  return (
    <div className="kb-reindex" role="status" data-testid="kb-reindex">
      <p className="muted small">{line}</p>
      <div
        className="doc-progress"
        role="progressbar"
        aria-label={line}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
