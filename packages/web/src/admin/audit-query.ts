/** The filters of the audit page, as typed. */
export interface AuditFilters {
  action: string;
  actor: string;
  /** `YYYY-MM-DD` (local day) or '' */
  since: string;
  until: string;
  limit: number;
}

export const defaultAuditFilters: AuditFilters = { action: '', actor: '', since: '', until: '', limit: 100 };

/**
 * The query of `GET /api/admin/audit` for the filters: the same filters serve the table and the
 * CSV/JSONL exports. The table asks for a page of `limit` entries (then the page after `cursor`,
 * the server's `nextCursor`); an export has no limit and holds every entry that matches. Days
 * are the user's local days: "until" includes the whole day it names.
 */
export function auditQuery(
  filters: AuditFilters,
  format?: 'csv' | 'jsonl',
  cursor?: string,
): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.action.trim()) query.set('action', filters.action.trim());
  if (filters.actor.trim()) query.set('actor', filters.actor.trim());
  if (filters.since) query.set('since', new Date(`${filters.since}T00:00:00`).toISOString());
  if (filters.until) query.set('until', new Date(`${filters.until}T23:59:59.999`).toISOString());
  if (format) query.set('format', format);
  else query.set('limit', String(filters.limit));
  if (cursor) query.set('cursor', cursor);
  return query;
}
