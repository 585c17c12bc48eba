import { AppError, type KbRole } from '@qiao/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { kbMembers, knowledgeBases } from '../db/schema';

export type KnowledgeBaseRow = typeof knowledgeBases.$inferSelect;

const rank: Record<KbRole, number> = { read: 1, write: 2, manage: 3 };

export function roleAllows(role: KbRole, needed: KbRole): boolean {
  return rank[role] >= rank[needed];
}

/**
 * Loads a knowledge base the user is a member of. Not being a member is a 404 (a stranger
 * cannot tell a private knowledge base from a missing one); a weaker role is a 403.
 */
export async function requireKbRole(
  db: Db,
  userId: string,
  kbId: string,
  needed: KbRole,
): Promise<{ kb: KnowledgeBaseRow; role: KbRole }> {
  const [row] = await db
    .select({ kb: knowledgeBases, role: kbMembers.role })
    .from(knowledgeBases)
    .innerJoin(kbMembers, and(eq(kbMembers.kbId, knowledgeBases.id), eq(kbMembers.userId, userId)))
    .where(eq(knowledgeBases.id, kbId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'Knowledge base not found');
  if (!roleAllows(row.role, needed)) {
    throw new AppError(
      'forbidden',
      `This needs the "${needed}" role on the knowledge base (you have "${row.role}")`,
    );
  }
  return row;
}
