import type { CategoryView, TermView } from '@qiao/core';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useToast } from '../lib/toast';
import { adminApi } from './admin-api';
import { useAdminText } from './use-admin-text';

interface Props {
  category: string;
  categories: CategoryView[];
  onSelect: (id: string) => void;
  /** changes when terms were imported elsewhere */
  version: number;
  onChange: () => void;
}

/** The terms of one category with their hit counts: search, add one, remove one. */
export function TermsSection({ category, categories, onSelect, version, onChange }: Props) {
  const { t, locale } = useAdminText();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [terms, setTerms] = useState<TermView[]>([]);
  const [term, setTerm] = useState('');

  const load = useCallback(() => {
    adminApi
      .terms(category, query.trim())
      .then(setTerms)
      .catch((error: Error) => toast(t('failed') + error.message));
  }, [category, query, toast, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal
  useEffect(load, [load, version]);

  const change = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChange();
      return true;
    } catch (error) {
      toast(t('failed') + (error as Error).message);
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await change(() => adminApi.importTerms({ text: term.trim(), category }))) setTerm('');
  };

  return (
    <div className="admin-card" data-testid="terms-section">
      <header className="admin-card-head">
        <h3>{t('terms')}</h3>
        <select
          value={category}
          onChange={(e) => onSelect(e.target.value)}
          aria-label={t('category')}
          data-testid="terms-category"
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('searchTerms')}
          aria-label={t('searchTerms')}
          data-testid="terms-search"
        />
      </header>
      <form className="inline-form" onSubmit={add}>
        <input
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          placeholder={t('term')}
          aria-label={t('addTerm')}
          maxLength={200}
          required
          data-testid="new-term"
        />
        <button type="submit" className="primary" data-testid="add-term">
          {t('addTerm')}
        </button>
      </form>
      {terms.length === 0 ? (
        <p className="muted small">{t('noTerms')}</p>
      ) : (
        <ul className="term-list">
          {terms.map((item) => (
            <li key={item.id} data-testid="term-row" data-term={item.term}>
              <span className="term">{item.term}</span>
              <span className="muted small" data-testid="term-hits" title={t('lastHit')}>
                {t('hits')}: {item.hits}
                {item.lastHitAt && ` · ${new Date(item.lastHitAt).toLocaleString(locale)}`}
              </span>
              <button
                type="button"
                className="icon-button tiny"
                aria-label={`${t('remove')} ${item.term}`}
                onClick={() => void change(() => adminApi.deleteTerm(item.id))}
                data-testid="remove-term"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
