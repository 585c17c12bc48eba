import type { FormEvent } from 'react';
import type { AuditFilters } from './audit-query';
import { useAdminText } from './use-admin-text';

interface Props {
  value: AuditFilters;
  onChange: (value: AuditFilters) => void;
  onApply: () => void;
}

const limits = [50, 100, 500, 1000, 10_000];
// common prefixes, offered as suggestions; any action or prefix ending in "." works
const prefixes = ['auth.', 'user.', 'team.', 'key.', 'provider.', 'moderation.', 'safety.', 'plaza.'];

export function AuditFiltersForm({ value, onChange, onApply }: Props) {
  const { t } = useAdminText();
  const set = <K extends keyof AuditFilters>(key: K, v: AuditFilters[K]) => onChange({ ...value, [key]: v });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form className="audit-filters" onSubmit={submit} data-testid="audit-filters">
      <label>
        <span>{t('auditAction')}</span>
        <input
          value={value.action}
          onChange={(e) => set('action', e.target.value)}
          list="audit-prefixes"
          placeholder="key."
          data-testid="audit-action"
        />
        <datalist id="audit-prefixes">
          {prefixes.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
        </datalist>
      </label>
      <label>
        <span>{t('auditActor')}</span>
        <input value={value.actor} onChange={(e) => set('actor', e.target.value)} data-testid="audit-actor" />
      </label>
      <label>
        <span>{t('since')}</span>
        <input
          type="date"
          value={value.since}
          onChange={(e) => set('since', e.target.value)}
          data-testid="audit-since"
        />
      </label>
      <label>
        <span>{t('until')}</span>
        <input
          type="date"
          value={value.until}
          onChange={(e) => set('until', e.target.value)}
          data-testid="audit-until"
        />
      </label>
      <label>
        <span>{t('pageSize')}</span>
        <select
          value={value.limit}
          onChange={(e) => set('limit', Number(e.target.value))}
          data-testid="audit-limit"
        >
          {limits.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" data-testid="audit-apply">
        {t('filter')}
      </button>
    </form>
  );
}
