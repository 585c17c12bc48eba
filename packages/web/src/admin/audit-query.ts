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
 * The query of `GET /api/admin/audit` for the filters: the same one serves the table and the
 * CSV/JSONL exports, so an export holds exactly what is on screen (up to the limit). Days are
 * the user's local days: "until" includes the whole day it names.
 */
export function auditQuery(filters: AuditFilters, format?: 'csv' | 'jsonl'): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.action.trim()) query.set('action', filters.action.trim());
  if (filters.actor.trim()) query.set('actor', filters.actor.trim());
  if (filters.since) query.set('since', new Date(`${filters.since}T00:00:00`).toISOString());
  if (filters.until) query.set('until', new Date(`${filters.until}T23:59:59.999`).toISOString());
  query.set('limit', String(filters.limit));
  if (format) query.set('format', format);
  return query;
}
