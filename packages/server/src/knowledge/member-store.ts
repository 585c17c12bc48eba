import { AppError, type KbRole } from '@qiao/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { kbMembers, users } from '../db/schema';
import type { KnowledgeBaseRow } from './kb-access';

export interface KbMemberDto {
  userId: string;
  username: string;
  role: KbRole;
  owner: boolean;
}

export async function listMembers(db: Db, kb: KnowledgeBaseRow): Promise<KbMemberDto[]> {
  const rows = await db
    .select({ userId: kbMembers.userId, username: users.username, role: kbMembers.role })
    .from(kbMembers)
    .innerJoin(users, eq(users.id, kbMembers.userId))
    .where(eq(kbMembers.kbId, kb.id))
    .orderBy(asc(users.username));
  return rows.map((row) => ({ ...row, owner: row.userId === kb.ownerId }));
}

/** Adds or changes a member; the owner always stays `manage`. */
export async function setMember(
  db: Db,
  kb: KnowledgeBaseRow,
  username: string,
  role: KbRole,
): Promise<KbMemberDto> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) throw new AppError('not_found', `No user named "${username}"`);
  if (user.id === kb.ownerId) throw new AppError('conflict', 'The owner always has the "manage" role');
  await db
    .insert(kbMembers)
    .values({ kbId: kb.id, userId: user.id, role })
    .onConflictDoUpdate({ target: [kbMembers.kbId, kbMembers.userId], set: { role } });
  return { userId: user.id, username: user.username, role, owner: false };
}

export async function removeMember(db: Db, kb: KnowledgeBaseRow, userId: string): Promise<void> {
  if (userId === kb.ownerId) throw new AppError('conflict', 'The owner cannot be removed');
  const removed = await db
    .delete(kbMembers)
    .where(and(eq(kbMembers.kbId, kb.id), eq(kbMembers.userId, userId)))
    .returning();
  if (removed.length === 0) throw new AppError('not_found', 'Not a member of this knowledge base');
}
