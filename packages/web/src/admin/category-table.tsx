import type { CategoryView, ModerationAction } from '@qiao/core';
import { ActionSelect } from './action-select';
import { useAdminText } from './use-admin-text';

interface Props {
  categories: CategoryView[];
  selected: string;
  onSelect: (id: string) => void;
  onSave: (id: string, patch: { action?: ModerationAction; message?: string | null }) => void;
  onDelete: (id: string) => void;
}

/** One row per category: its action, block message, term and hit counts. */
export function CategoryTable({ categories, selected, onSelect, onSave, onDelete }: Props) {
  const { t } = useAdminText();
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="category-table">
        <thead>
          <tr>
            <th>{t('category')}</th>
            <th>{t('action')}</th>
            <th>{t('message')}</th>
            <th className="num">{t('terms')}</th>
            <th className="num">{t('hits')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr
              key={category.id}
              className={category.id === selected ? 'selected' : ''}
              data-testid="category-row"
              data-category={category.id}
            >
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(category.id)}>
                  {category.label}
                </button>
                {category.label !== category.id && <span className="muted small"> {category.id}</span>}
              </td>
              <td>
                <ActionSelect
                  value={category.action}
                  onChange={(action) => onSave(category.id, { action })}
                  label={`${t('action')}: ${category.label}`}
                  testId="category-action"
                />
              </td>
              <td>
                <input
                  key={category.message ?? ''}
                  defaultValue={category.message ?? ''}
                  placeholder={t('defaultMessage')}
                  aria-label={`${t('message')}: ${category.label}`}
                  onBlur={(e) => {
                    const message = e.target.value.trim() || null;
                    if (message !== category.message) onSave(category.id, { message });
                  }}
                />
              </td>
              <td className="num" data-testid="category-terms">
                {category.terms}
              </td>
              <td className="num" data-testid="category-hits">
                {category.hits}
              </td>
              <td className="row-actions">
                {!category.builtin && (
                  <button type="button" className="ghost small danger" onClick={() => onDelete(category.id)}>
                    {t('delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
