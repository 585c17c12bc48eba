import type { KnowledgeBaseDto } from '@qiao/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** One knowledge base in the list: open it, see its size, delete it (managers, after a confirm). */
export function KbCard({ kb, onDeleted }: { kb: KnowledgeBaseDto; onDeleted: () => void }) {
  const t = useKbText();
  const [error, setError] = useState<string>();
  const remove = async () => {
    if (!window.confirm(t('confirmDeleteKb', { name: kb.name }))) return;
    try {
      await kbApi.remove(kb.id);
      onDeleted();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <li className="kb-card" data-testid="kb-card" data-kb-id={kb.id}>
      <Link to={`/knowledge/${kb.id}`} className="kb-card-link">
        <strong>{kb.name}</strong>
        {kb.description && <span className="muted small">{kb.description}</span>}
        <span className="muted small">
          {t('documents')} {kb.documentCount} · {t('chunks')} {kb.chunkCount} · {t(`role_${kb.role}`)}
        </span>
      </Link>
      {kb.role === 'manage' && (
        <button
          type="button"
          className="ghost small danger"
          onClick={() => void remove()}
          aria-label={`${t('delete')} ${kb.name}`}
          data-testid="kb-delete"
        >
          {t('delete')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
