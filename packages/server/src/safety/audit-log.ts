import { and, desc, eq, gte, like, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
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
  /** an action or a prefix ending in `.` (`moderation.`) */
  action?: string;
  actorId?: string;
  since?: Date;
  limit: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.action)
    where.push(
      filter.action.endsWith('.')
        ? like(auditLog.action, `${filter.action}%`)
        : eq(auditLog.action, filter.action),
    );
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.since) where.push(gte(auditLog.createdAt, filter.since));
  return db
    .select()
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(filter.limit);
}
