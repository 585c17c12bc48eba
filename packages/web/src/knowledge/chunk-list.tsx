import type { KbChunkDto } from '@qiao/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ChunkRow } from './chunk-row';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';
import { useAsync } from './use-async';

const pageSize = 50;

/** /knowledge/:kbId/documents/:docId: the document's chunks in order, fifty at a time. */
export function ChunkList({ kbId, canWrite }: { kbId: string; canWrite: boolean }) {
  const t = useKbText();
  const { docId = '' } = useParams();
  const doc = useAsync(`doc-${docId}`, () => kbApi.document(kbId, docId));
  const [chunks, setChunks] = useState<KbChunkDto[]>([]);
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (offset: number) => {
      try {
        const page = await kbApi.chunks(kbId, docId, offset, pageSize);
        setChunks((current) => [...current.slice(0, offset), ...page.chunks]);
        setTotal(page.total);
      } catch (caught) {
        setError((caught as Error).message);
      }
    },
    [kbId, docId],
  );
  useEffect(() => {
    setChunks([]);
    void load(0);
  }, [load]);

  const saved = (chunk: KbChunkDto) =>
    setChunks((current) => current.map((other) => (other.id === chunk.id ? chunk : other)));

  return (
    <section className="kb-section" aria-label={t('chunks')} data-testid="chunk-list">
      <Link to={`/knowledge/${kbId}`} className="muted small">
        ← {t('documents')}
      </Link>
      <h3 className="kb-doc-title">
        {doc.data ? doc.data.title || doc.data.name : ''}
        {total !== undefined && (
          <span className="muted small">
            {' '}
            · {t('chunks')} {total}
          </span>
        )}
      </h3>
      {(error || doc.error) && (
        <p className="error" role="alert">
          {error ?? doc.error}
        </p>
      )}
      {total === 0 && <p className="muted">{t('noChunks')}</p>}
      <ol className="chunk-list">
        {chunks.map((chunk) => (
          <ChunkRow key={chunk.id} kbId={kbId} chunk={chunk} canWrite={canWrite} onSaved={saved} />
        ))}
      </ol>
      {total !== undefined && chunks.length < total && (
        <button type="button" className="ghost" onClick={() => void load(chunks.length)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
