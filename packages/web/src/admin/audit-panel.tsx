import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useToast } from '../lib/toast';
import { type AuditEntry, adminApi } from './admin-api';
import { AuditFiltersForm } from './audit-filters-form';
import { type AuditFilters, auditQuery, defaultAuditFilters } from './audit-query';
import { AuditTable } from './audit-table';
import { useAdminList } from './use-admin-list';
import { useAdminText } from './use-admin-text';

interface Loaded {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** The audit log (admin actions, sign-ins, key use, safety events), filtered, paged and exported. */
export function AuditPanel() {
  const { t } = useAdminText();
  const toast = useToast();
  const [filters, setFilters] = useState<AuditFilters>(defaultAuditFilters);
  const [applied, setApplied] = useState<AuditFilters>(defaultAuditFilters);
  const [loaded, setLoaded] = useState<Loaded>();
  const [busy, setBusy] = useState(false);
  // a page that arrives after the filters changed belongs to the old list: dropped
  const generation = useRef(0);
  // targets of user.* entries are user ids: shown as names
  const { items: users } = useAdminList(adminApi.users);
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.username])), [users]);

  const fetchPage = useCallback(
    (cursor: string | undefined, append: boolean) => {
      const mine = generation.current;
      setBusy(true);
      adminApi
        .audit(auditQuery(applied, undefined, cursor))
        .then((page) => {
          if (mine !== generation.current) return;
          setLoaded((before) => ({
            entries: append && before ? [...before.entries, ...page.entries] : page.entries,
            nextCursor: page.nextCursor,
          }));
        })
        .catch((error: Error) => toast(t('failed') + error.message))
        .finally(() => {
          if (mine === generation.current) setBusy(false);
        });
    },
    [applied, toast, t],
  );
  useEffect(() => {
    generation.current += 1;
    fetchPage(undefined, false);
  }, [fetchPage]);

  const shown = loaded?.entries.length ?? 0;
  return (
    <section className="settings-section" data-testid="admin-audit">
      <AuditFiltersForm value={filters} onChange={setFilters} onApply={() => setApplied({ ...filters })} />
      <div className="row-end audit-exports" title={t('exportAllHint')}>
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
      {loaded && <AuditTable entries={loaded.entries} names={names} />}
      {loaded && shown > 0 && (
        <div className="row-end audit-more">
          <span className="muted small" data-testid="audit-shown">
            {t(loaded.nextCursor ? 'auditShown' : 'auditShownAll').replace('{n}', String(shown))}
          </span>
          {loaded.nextCursor && (
            <button
              type="button"
              className="ghost small"
              disabled={busy}
              onClick={() => fetchPage(loaded.nextCursor ?? undefined, true)}
              data-testid="audit-load-more"
            >
              {t('loadMore')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
