import type { KnowledgeBaseDto, KnowledgeBaseSettings } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** Name, description and retrieval settings of a knowledge base (managers). */
export function KbSettingsPanel({
  kb,
  onSaved,
}: {
  kb: KnowledgeBaseDto;
  onSaved: (kb: KnowledgeBaseDto) => void;
}) {
  const t = useKbText();
  const [name, setName] = useState(kb.name);
  const [description, setDescription] = useState(kb.description);
  const [settings, setSettings] = useState<KnowledgeBaseSettings>(kb.settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof KnowledgeBaseSettings>(key: K, value: KnowledgeBaseSettings[K]) =>
    setSettings((current) => ({ ...current, [key]: value }));
  const number = (
    key: 'chunkTargetChars' | 'chunkOverlapChars' | 'scoreThreshold' | 'topK' | 'tokenBudget',
  ) =>
    ({
      type: 'number',
      value: settings[key],
      onChange: (e: { target: { value: string } }) => set(key, Number(e.target.value)),
      name: key,
    }) as const;
  const model = (value: string) => value.trim() || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await kbApi.update(kb.id, {
        name,
        description,
        settings: {
          ...settings,
          embeddingModel: model(settings.embeddingModel ?? ''),
          rerankModel: model(settings.rerankModel ?? ''),
        },
      });
      onSaved(saved);
      setMessage({ ok: true, text: t('saved') });
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kb-form" onSubmit={submit} aria-label={t('settings')} data-testid="kb-settings">
      <label>
        <span>{t('name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <label>
        <span>{t('description')}</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
      </label>
      <div className="kb-form-row">
        <label>
          <span>{t('chunkSize')}</span>
          <input {...number('chunkTargetChars')} min={100} max={8000} />
        </label>
        <label>
          <span>{t('chunkOverlap')}</span>
          <input {...number('chunkOverlapChars')} min={0} max={2000} />
        </label>
        <label>
          <span>{t('scoreThreshold')}</span>
          <input {...number('scoreThreshold')} min={0} max={1} step={0.05} />
        </label>
        <label>
          <span>{t('topK')}</span>
          <input {...number('topK')} min={1} max={50} />
        </label>
        <label>
          <span>{t('tokenBudget')}</span>
          <input {...number('tokenBudget')} min={100} max={32000} step={100} />
        </label>
        <label>
          <span>{t('notFound')}</span>
          <select
            value={settings.notFound}
            onChange={(e) => set('notFound', e.target.value as KnowledgeBaseSettings['notFound'])}
          >
            <option value="say-not-found">{t('notFound_say')}</option>
            <option value="answer-anyway">{t('notFound_answer')}</option>
          </select>
        </label>
      </div>
      <label>
        <span>{t('notFoundMessage')}</span>
        <input
          value={settings.notFoundMessage}
          onChange={(e) => set('notFoundMessage', e.target.value)}
          maxLength={500}
        />
      </label>
      <label>
        <span>{t('embeddingModel')}</span>
        <input
          value={settings.embeddingModel ?? ''}
          onChange={(e) => set('embeddingModel', e.target.value)}
          placeholder="openai/text-embedding-3-small"
          name="embeddingModel"
        />
      </label>
      <label>
        <span>{t('rerankModel')}</span>
        <input value={settings.rerankModel ?? ''} onChange={(e) => set('rerankModel', e.target.value)} />
      </label>
      <p className="muted small">{t('reindexHint')}</p>
      {message && (
        <p className={message.ok ? 'muted' : 'error'} role="status" data-testid="kb-settings-message">
          {message.text}
        </p>
      )}
      <div className="row-end">
        <button type="submit" disabled={busy || !name.trim()} data-testid="kb-settings-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
