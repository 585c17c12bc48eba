import { type FormEvent, useState } from 'react';
import { useToast } from '../lib/toast';
import { adminApi } from './admin-api';
import { useAdminText } from './use-admin-text';

interface Props {
  /** where lines without a category go, and what the export buttons export */
  category: string;
  onImported: () => void;
}

/** Import a word list or CSV (pasted or from a file) and export the lexicon. */
export function LexiconImport({ category, onImported }: Props) {
  const { t } = useAdminText();
  const toast = useToast();
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await adminApi.importTerms({ text, category, replace });
      toast(`${t('imported')}${result.imported}`);
      setText('');
      onImported();
    } catch (error) {
      toast(t('failed') + (error as Error).message);
    }
  };

  return (
    <form className="admin-card stack-form wide" onSubmit={submit} data-testid="lexicon-import">
      <header className="admin-card-head">
        <h3>{t('import')}</h3>
        <a
          className="ghost small"
          href={adminApi.exportUrl('csv', category)}
          download
          data-testid="export-csv"
        >
          {t('exportCsv')}
        </a>
        <a
          className="ghost small"
          href={adminApi.exportUrl('txt', category)}
          download
          data-testid="export-txt"
        >
          {t('exportTxt')}
        </a>
      </header>
      <p className="muted small">{t('importHint')}</p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        aria-label={t('import')}
        data-testid="import-text"
      />
      <div className="inline-form">
        <input
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          aria-label={t('importFile')}
          onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {t('replace')}
        </label>
        <button type="submit" className="primary" disabled={!text.trim()} data-testid="import-submit">
          {t('import')}
        </button>
      </div>
    </form>
  );
}
