import { useState } from 'react';
import { adminApi } from './admin-api';
import { CategoryTable } from './category-table';
import { HitStatsView } from './hit-stats-view';
import { LexiconImport } from './lexicon-import';
import { LexiconTester } from './lexicon-tester';
import { NewCategoryForm } from './new-category-form';
import { TermsSection } from './terms-section';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';

/** Lexicon categories and their actions, terms, import/export and hit statistics. */
export function ModerationPanel() {
  const { t } = useAdminText();
  const { items: categories, reload, run } = useAdminList(adminApi.categories);
  const [selected, setSelected] = useState('custom');
  // bumped after an import or a term change so the term list and statistics reload too
  const [version, setVersion] = useState(0);
  const changed = () => {
    reload();
    setVersion((v) => v + 1);
  };

  return (
    <section className="settings-section" data-testid="admin-moderation">
      <h3>{t('categories')}</h3>
      <CategoryTable
        categories={categories}
        selected={selected}
        onSelect={setSelected}
        onSave={(id, patch) => void run(() => adminApi.saveCategory(id, patch))}
        onDelete={(id) => {
          if (window.confirm(t('confirmDelete'))) void run(() => adminApi.deleteCategory(id));
        }}
      />
      <NewCategoryForm
        onCreate={async (id, label, action) => {
          const ok = await run(() => adminApi.saveCategory(id, { label, action }));
          if (ok) setSelected(id);
          return ok;
        }}
      />
      <TermsSection
        category={selected}
        categories={categories}
        onSelect={setSelected}
        version={version}
        onChange={changed}
      />
      <LexiconImport category={selected} onImported={changed} />
      <LexiconTester />
      <HitStatsView version={version} />
    </section>
  );
}
