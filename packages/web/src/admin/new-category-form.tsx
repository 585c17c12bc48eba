import type { ModerationAction } from '@qiao/core';
import { type FormEvent, useState } from 'react';
import { ActionSelect } from './action-select';
import { useAdminText } from './use-admin-text';

interface Props {
  onCreate: (id: string, label: string, action: ModerationAction) => Promise<boolean>;
}

/** A custom category (the server creates it on the first PUT of its id). */
export function NewCategoryForm({ onCreate }: Props) {
  const { t } = useAdminText();
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [action, setAction] = useState<ModerationAction>('block');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate(id.trim(), label.trim() || id.trim(), action)) {
      setId('');
      setLabel('');
    }
  };

  return (
    <form className="inline-form admin-form" onSubmit={submit} aria-label={t('newCategory')}>
      <input
        value={id}
        onChange={(e) => setId(e.target.value)}
        placeholder={t('categoryId')}
        aria-label={t('categoryId')}
        pattern="[a-z][a-z0-9_]{0,39}"
        required
        data-testid="new-category-id"
      />
      <input
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        placeholder={t('label')}
        aria-label={t('label')}
        data-testid="new-category-label"
      />
      <ActionSelect value={action} onChange={setAction} label={t('action')} testId="new-category-action" />
      <button type="submit" className="ghost" data-testid="create-category">
        {t('newCategory')}
      </button>
    </form>
  );
}
