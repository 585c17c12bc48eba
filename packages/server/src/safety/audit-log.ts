import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog, safetyEvents } from '../db/schema';
import type { AuthContext } from '../http/app-env';

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

/**
 * Admin actions, sign-ins and key use from audit_log, merged newest first with the moderation,
 * PII and injection decisions of safety_events (shown as `safety.<kind>.<action>`), so one
 * filtered list and one export hold both.
 */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const actor = filter.actor ?? filter.actorId;
  const action = filter.action;
  const where: SQL[] = [];
  if (action)
    where.push(action.endsWith('.') ? like(auditLog.action, `${action}%`) : eq(auditLog.action, action));
  if (actor) where.push(or(eq(auditLog.actorId, actor), eq(auditLog.actorName, actor))!);
  if (filter.since) where.push(gte(auditLog.createdAt, filter.since));
  if (filter.until) where.push(lt(auditLog.createdAt, filter.until));
  const wantsAudit = !action?.startsWith('safety.');
  const wantsSafety = !action || action === 'safety.' || action.startsWith('safety.');
  const [audit, safety] = await Promise.all([
    wantsAudit
      ? db
          .select()
          .from(auditLog)
          .where(where.length > 0 ? and(...where) : undefined)
          .orderBy(desc(auditLog.createdAt))
          .limit(filter.limit)
      : [],
    wantsSafety ? listSafetyAsAudit(db, { ...filter, actor }) : [],
  ]);
  const rows = [
    ...audit,
    ...safety.filter((row) => !action || action === 'safety.' || row.action.startsWith(action)),
  ];
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, filter.limit);
}

async function listSafetyAsAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.actor) where.push(eq(safetyEvents.userId, filter.actor));
  if (filter.since) where.push(gte(safetyEvents.createdAt, filter.since));
  if (filter.until) where.push(lt(safetyEvents.createdAt, filter.until));
  const rows = await db
    .select()
    .from(safetyEvents)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(safetyEvents.createdAt))
    .limit(filter.limit);
  return rows.map((e) => ({
    id: e.id,
    actorId: e.userId,
    actorName: null,
    action: `safety.${e.kind}.${e.action}`,
    target: e.category,
    detail: { ...e.detail, direction: e.direction, source: e.source, model: e.model, apiKeyId: e.apiKeyId },
    createdAt: e.createdAt,
  }));
}
