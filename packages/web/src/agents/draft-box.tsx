import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useModels } from '../chat/use-models';
import { agentsApi } from './agents-api';
import { useAgentText } from './use-agent-text';

/** One sentence → a draft agent (a structured model call), opened in the editor to check and save. */
export function DraftBox() {
  const { t, locale } = useAgentText();
  const navigate = useNavigate();
  const { models, defaultModel } = useModels();
  const [idea, setIdea] = useState('');
  const [model, setModel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const chosen = model || defaultModel || models[0]?.id || '';

  const draft = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const spec = await agentsApi.draft(idea.trim(), chosen || undefined, locale);
      navigate('/agents/new', { state: { draft: spec } });
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="draft-box" onSubmit={draft} aria-busy={busy} data-testid="agent-draft-form">
      <h3>{t('draftTitle')}</h3>
      <textarea
        rows={2}
        value={idea}
        minLength={2}
        maxLength={1_000}
        onChange={(e) => setIdea(e.target.value)}
        placeholder={t('draftPlaceholder')}
        aria-label={t('draftTitle')}
        data-testid="agent-draft-input"
      />
      <div className="draft-row">
        <select
          value={chosen}
          onChange={(e) => setModel(e.target.value)}
          aria-label={t('draftModel')}
          title={t('draftModel')}
          data-testid="agent-draft-model"
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={busy || idea.trim().length < 2}
          aria-label={t('draftButton')}
          data-testid="agent-draft"
        >
          {busy ? t('drafting') : t('draftButton')}
        </button>
      </div>
      {busy && (
        <p className="muted small" role="status" data-testid="agent-drafting">
          <span className="spinner" aria-hidden="true" /> {t('drafting')}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="agent-draft-error">
          {error}
        </p>
      )}
    </form>
  );
}
