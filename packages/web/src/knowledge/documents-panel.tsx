import { DocumentRow } from './document-row';
import { DocumentUploader } from './document-uploader';
import { useKbText } from './kb-text';
import { useDocuments } from './use-documents';

/** Upload and the document list with each ingestion job's live status. */
export function DocumentsPanel({ kbId, canWrite }: { kbId: string; canWrite: boolean }) {
  const t = useKbText();
  const { documents, error, refresh } = useDocuments(kbId);
  return (
    <section className="kb-section" aria-label={t('documents')}>
      {canWrite && <DocumentUploader kbId={kbId} onAdded={refresh} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {documents?.length === 0 && <p className="muted">{t('noDocuments')}</p>}
      <ul className="doc-list">
        {documents?.map((doc) => (
          <DocumentRow key={doc.id} kbId={kbId} doc={doc} canWrite={canWrite} onChange={refresh} />
        ))}
      </ul>
    </section>
  );
}
