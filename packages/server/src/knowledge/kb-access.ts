import { AppError, type KbRole } from '@qiao/core';
import { and, eq } from 'drizzle-orm';
import { teamKbRole } from '../access/team-visibility';
import type { Db } from '../db';
import { kbMembers, knowledgeBases } from '../db/schema';

export type KnowledgeBaseRow = typeof knowledgeBases.$inferSelect;

const rank: Record<KbRole, number> = { read: 1, write: 2, manage: 3 };

export function roleAllows(role: KbRole, needed: KbRole): boolean {
  return rank[role] >= rank[needed];
}

/** A direct membership and a team share (access/team-visibility.ts) add up to the stronger. */
export function strongestKbRole(member: KbRole | null, team: KbRole | null): KbRole | null {
  if (!member || !team) return member ?? team;
  return rank[member] >= rank[team] ? member : team;
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
  const [found] = await db
    .select({ kb: knowledgeBases, member: kbMembers.role, team: teamKbRole(userId) })
    .from(knowledgeBases)
    .leftJoin(kbMembers, and(eq(kbMembers.kbId, knowledgeBases.id), eq(kbMembers.userId, userId)))
    .where(eq(knowledgeBases.id, kbId))
    .limit(1);
  const role = found && strongestKbRole(found.member, found.team);
  if (!found || !role) throw new AppError('not_found', 'Knowledge base not found');
  if (!roleAllows(role, needed)) {
    throw new AppError(
      'forbidden',
      `This needs the "${needed}" role on the knowledge base (you have "${role}")`,
    );
  }
  return { kb: found.kb, role };
}
