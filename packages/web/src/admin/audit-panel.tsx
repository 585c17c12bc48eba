import { useCallback, useEffect, useMemo, useState } from 'react';
import { useToast } from '../lib/toast';
import { type AuditEntry, adminApi } from './admin-api';
import { AuditFiltersForm } from './audit-filters-form';
import { type AuditFilters, auditQuery, defaultAuditFilters } from './audit-query';
import { AuditTable } from './audit-table';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';

/** The audit log (admin actions, sign-ins, key use, safety events), filtered and exported. */
export function AuditPanel() {
  const { t } = useAdminText();
  const toast = useToast();
  const [filters, setFilters] = useState<AuditFilters>(defaultAuditFilters);
  const [applied, setApplied] = useState<AuditFilters>(defaultAuditFilters);
  const [entries, setEntries] = useState<AuditEntry[]>();
  // targets of user.* entries are user ids: shown as names
  const { items: users } = useAdminList(adminApi.users);
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.username])), [users]);

  const load = useCallback(() => {
    adminApi
      .audit(auditQuery(applied))
      .then(setEntries)
      .catch((error: Error) => toast(t('failed') + error.message));
  }, [applied, toast, t]);
  useEffect(load, [load]);

  return (
    <section className="settings-section" data-testid="admin-audit">
      <AuditFiltersForm value={filters} onChange={setFilters} onApply={() => setApplied({ ...filters })} />
      <div className="row-end audit-exports">
        <a
          className="ghost small"
          href={`/api/admin/audit?${auditQuery(applied, 'csv')}`}
          download
          data-testid="audit-export-csv"
        >
          {t('exportCsv')}
        </a>
        <a
          className="ghost small"
          href={`/api/admin/audit?${auditQuery(applied, 'jsonl')}`}
          download
          data-testid="audit-export-jsonl"
        >
          {t('exportJsonl')}
        </a>
      </div>
      {entries && <AuditTable entries={entries} names={names} />}
    </section>
  );
}
