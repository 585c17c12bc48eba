import { and, desc, eq, getTableColumns, gte, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { auditLog, safetyEvents, users } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import type { AuditCursor } from './audit-cursor';

export interface AuditEntry {
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

/** Appends one entry; awaited, so an admin change is never reported done without its record. */
export async function appendAudit(db: Db, actor: AuthContext | undefined, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({ actorId: actor?.userId || null, actorName: actor?.username ?? null, ...entry });
}

export interface AuditFilter {
  /** an action or a prefix ending in `.` (`moderation.`); `safety.` selects safety events only */
  action?: string;
  /** a user id or a username */
  actor?: string;
  /** @deprecated use actor */
  actorId?: string;
  since?: Date;
  until?: Date;
  limit: number;
  /** only entries after this one in the order (newest first, ties by id) */
  after?: AuditCursor;
}

export interface AuditRow {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
}

export interface AuditPage {
  entries: AuditRow[];
  /** where the next page starts; null when this page holds the last entry */
  next: AuditCursor | null;
}

interface Keyed {
  row: AuditRow;
  at: string;
}

/** created_at to the microsecond, UTC, in a fixed-width text that sorts like the time */
const atText = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
// ids compare bytewise in SQL and in JS alike, whatever the database's collation
const idC = (column: PgColumn) => sql`${column} collate "C"`;

/** (created_at, id) < cursor, spelled so the created_at index narrows the scan */
const before = (createdAt: PgColumn, id: PgColumn, cursor: AuditCursor): SQL =>
  sql`(${createdAt} <= ${cursor.at}::timestamptz and (${createdAt} < ${cursor.at}::timestamptz or ${idC(id)} < ${cursor.id}))`;

const newestFirst = (a: Keyed, b: Keyed) =>
  a.at === b.at ? (a.row.id < b.row.id ? 1 : a.row.id > b.row.id ? -1 : 0) : a.at < b.at ? 1 : -1;

// `_` is a LIKE wildcard and may appear in an action
const prefixPattern = (prefix: string) => `${prefix.replaceAll('\\', '\\\\').replaceAll('_', '\\_')}%`;

/**
 * Admin actions, sign-ins and key use from audit_log, merged newest first with the moderation,
 * PII and injection decisions of safety_events (shown as `safety.<kind>.<action>`), so one
 * filtered list and one export hold both. One page per call: `next` continues it.
 */
export async function listAuditPage(db: Db, filter: AuditFilter): Promise<AuditPage> {
  const actor = filter.actor ?? filter.actorId;
  const action = filter.action;
  const wantsAudit = !action?.startsWith('safety.');
  const wantsSafety = !action || action.startsWith('safety.');
  // one more than a page from each table tells whether another page follows
  const take = filter.limit + 1;
  const [audit, safety] = await Promise.all([
    wantsAudit ? listAuditTable(db, { ...filter, actor }, take) : [],
    wantsSafety ? listSafetyAsAudit(db, { ...filter, actor }, take) : [],
  ]);
  const merged = [...audit, ...safety].sort(newestFirst);
  const page = merged.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    entries: page.map((k) => k.row),
    next: merged.length > filter.limit && last ? { at: last.at, id: last.row.id } : null,
  };
}

/** The first page only: the newest `limit` entries. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  return (await listAuditPage(db, filter)).entries;
}

async function listAuditTable(db: Db, filter: AuditFilter, take: number): Promise<Keyed[]> {
  const { action, actor } = filter;
  const where: SQL[] = [];
  if (action)
    where.push(
      action.endsWith('.') ? like(auditLog.action, prefixPattern(action)) : eq(auditLog.action, action),
    );
  if (actor) where.push(or(eq(auditLog.actorId, actor), eq(auditLog.actorName, actor))!);
  if (filter.since) where.push(gte(auditLog.createdAt, filter.since));
  if (filter.until) where.push(lt(auditLog.createdAt, filter.until));
  if (filter.after) where.push(before(auditLog.createdAt, auditLog.id, filter.after));
  const rows = await db
    .select({ ...getTableColumns(auditLog), at: atText(auditLog.createdAt) })
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(idC(auditLog.id)))
    .limit(take);
  return rows.map(({ at, ...row }) => ({ row, at }));
}

async function listSafetyAsAudit(db: Db, filter: AuditFilter, take: number): Promise<Keyed[]> {
  const where: SQL[] = [];
  const shownAction = sql<string>`'safety.' || ${safetyEvents.kind} || '.' || ${safetyEvents.action}`;
  // filtered in SQL, not after the fetch, so a page is never short of matching rows
  if (filter.action && filter.action !== 'safety.')
    where.push(
      filter.action.endsWith('.')
        ? like(shownAction, prefixPattern(filter.action))
        : sql`${shownAction} = ${filter.action}`,
    );
  // safety events keep the user's id only; the name is looked up, so both filter alike
  if (filter.actor) where.push(or(eq(safetyEvents.userId, filter.actor), eq(users.username, filter.actor))!);
  if (filter.since) where.push(gte(safetyEvents.createdAt, filter.since));
  if (filter.until) where.push(lt(safetyEvents.createdAt, filter.until));
  if (filter.after) where.push(before(safetyEvents.createdAt, safetyEvents.id, filter.after));
  const rows = await db
    .select({
      ...getTableColumns(safetyEvents),
      actorName: users.username,
      at: atText(safetyEvents.createdAt),
    })
    .from(safetyEvents)
    .leftJoin(users, eq(users.id, safetyEvents.userId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(safetyEvents.createdAt), desc(idC(safetyEvents.id)))
    .limit(take);
  return rows.map(({ at, ...e }) => ({
    at,
    row: {
      id: e.id,
      actorId: e.userId,
      actorName: e.actorName,
      action: `safety.${e.kind}.${e.action}`,
      target: e.category,
      detail: { ...e.detail, direction: e.direction, source: e.source, model: e.model, apiKeyId: e.apiKeyId },
      createdAt: e.createdAt,
    },
  }));
}
