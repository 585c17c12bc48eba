import type { AuditEntry } from './admin-api';
import { useAdminText } from './use-admin-text';

export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: Map<string, string> }) {
  const { t, locale } = useAdminText();
  if (entries.length === 0) return <p className="muted">{t('noEntries')}</p>;
  return (
    <div className="table-scroll">
      <table className="admin-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('time')}</th>
            <th>{t('actor')}</th>
            <th>{t('action')}</th>
            <th>{t('target')}</th>
            <th>{t('detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <td className="nowrap">{new Date(entry.createdAt).toLocaleString(locale)}</td>
              <td>{entry.actorName ?? entry.actorId ?? '—'}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td className="muted small" title={entry.target ?? undefined}>
                {(entry.target && names.get(entry.target)) ?? entry.target ?? ''}
              </td>
              <td className="detail">{entry.detail ? <code>{JSON.stringify(entry.detail)}</code> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
