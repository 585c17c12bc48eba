import { AppError, type ShareWithTeamBody, type TeamDto } from '@qiao/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { teamMembers, teamShares, teams, users } from '../db/schema';
import { isUniqueViolation } from '../users/unique-violation';
import { findUserByUsername } from '../users/user-store';

export async function createTeam(db: Db, name: string): Promise<TeamDto> {
  try {
    const [row] = await db.insert(teams).values({ name }).returning();
    return { id: row!.id, name: row!.name, members: [] };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A team named "${name}" exists`);
    throw error;
  }
}

/** By id or name. */
export async function findTeam(db: Db, idOrName: string): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(/^[0-9a-f-]{36}$/.test(idOrName) ? teams.id : teams.name, idOrName))
    .limit(1);
  if (!row) throw new AppError('not_found', `No team "${idOrName}"`);
  return row;
}

/** Every team, or only those `userId` belongs to, with their members. */
export async function listTeams(db: Db, userId?: string): Promise<TeamDto[]> {
  const mine = userId
    ? db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId))
    : undefined;
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(mine ? inArray(teams.id, mine) : undefined)
    .orderBy(asc(teams.name));
  if (rows.length === 0) return [];
  const members = await db
    .select({ teamId: teamMembers.teamId, userId: users.id, username: users.username })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.username));
  return rows.map((team) => ({
    ...team,
    members: members
      .filter((m) => m.teamId === team.id)
      .map(({ userId, username }) => ({ userId, username })),
  }));
}

export async function addTeamMember(db: Db, teamId: string, username: string): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('not_found', `No user named "${username}"`);
  await db.insert(teamMembers).values({ teamId, userId: user.id }).onConflictDoNothing();
}

export async function removeTeamMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const removed = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning({ userId: teamMembers.userId });
  return removed.length > 0;
}

export async function deleteTeam(db: Db, teamId: string): Promise<boolean> {
  const removed = await db.delete(teams).where(eq(teams.id, teamId)).returning({ id: teams.id });
  return removed.length > 0;
}

export async function shareWithTeam(db: Db, teamId: string, share: ShareWithTeamBody): Promise<void> {
  await db
    .insert(teamShares)
    .values({ teamId, resourceKind: share.kind, resourceId: share.resourceId, role: share.role })
    .onConflictDoUpdate({
      target: [teamShares.resourceKind, teamShares.resourceId, teamShares.teamId],
      set: { role: share.role },
    });
}

export async function unshareFromTeam(
  db: Db,
  teamId: string,
  kind: 'agent' | 'kb',
  resourceId: string,
): Promise<boolean> {
  const removed = await db
    .delete(teamShares)
    .where(
      and(
        eq(teamShares.teamId, teamId),
        eq(teamShares.resourceKind, kind),
        eq(teamShares.resourceId, resourceId),
      ),
    )
    .returning({ id: teamShares.resourceId });
  return removed.length > 0;
}
