import { defaultKnowledgeBaseSettings, type KnowledgeBaseDto } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { kbApi } from './kb-api';
import { useKbText } from './kb-text';

/** Name, description, and the chunking settings that must be chosen before the first upload. */
export function CreateKbForm({ onCreated }: { onCreated: (kb: KnowledgeBaseDto) => void }) {
  const t = useKbText();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [size, setSize] = useState<number>(defaultKnowledgeBaseSettings.chunkTargetChars);
  const [overlap, setOverlap] = useState<number>(defaultKnowledgeBaseSettings.chunkOverlapChars);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!open)
    return (
      <button
        type="button"
        className="primary kb-create-open"
        onClick={() => setOpen(true)}
        data-testid="kb-create"
      >
        {t('create')}
      </button>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const kb = await kbApi.create({
        name,
        description,
        settings: { chunkTargetChars: size, chunkOverlapChars: overlap },
      });
      onCreated(kb);
      setOpen(false);
      setName('');
      setDescription('');
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kb-form" onSubmit={submit} data-testid="kb-create-form" aria-label={t('create')}>
      <label>
        <span>{t('name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} name="name" />
      </label>
      <label>
        <span>{t('description')}</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          name="description"
        />
      </label>
      <div className="kb-form-row">
        <label>
          <span>{t('chunkSize')}</span>
          <input
            type="number"
            min={100}
            max={8000}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
            name="chunkTargetChars"
          />
        </label>
        <label>
          <span>{t('chunkOverlap')}</span>
          <input
            type="number"
            min={0}
            max={2000}
            value={overlap}
            onChange={(e) => setOverlap(Number(e.target.value))}
            name="chunkOverlapChars"
          />
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row-end">
        <button type="button" className="ghost" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy || !name.trim()} data-testid="kb-create-submit">
          {t('create')}
        </button>
      </div>
    </form>
  );
}
