import { AppError, type TeamNameDto } from '@qiao/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { teamMembers, teamShares, teams } from '../db/schema';

export type SharedKind = 'agent' | 'kb';

export interface ResourceTeamShare {
  teamId: string;
  role: 'read' | 'write';
}

/** The teams one agent or knowledge base is shared with, by team name. */
export async function listResourceTeams(
  db: Db,
  kind: SharedKind,
  resourceId: string,
): Promise<(ResourceTeamShare & { name: string })[]> {
  return db
    .select({ teamId: teamShares.teamId, name: teams.name, role: teamShares.role })
    .from(teamShares)
    .innerJoin(teams, eq(teams.id, teamShares.teamId))
    .where(and(eq(teamShares.resourceKind, kind), eq(teamShares.resourceId, resourceId)))
    .orderBy(asc(teams.name));
}

/**
 * Replaces the whole share set of a resource in one transaction, so that readers never see it
 * half-written (for a moment shared with no team, which would mean visible to everyone).
 * The named teams are locked against deletion until the rows are in.
 */
export async function replaceResourceTeams(
  db: Db,
  kind: SharedKind,
  resourceId: string,
  shares: ResourceTeamShare[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const ids = shares.map((s) => s.teamId);
    if (ids.length > 0) {
      const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids)).for('share');
      const known = new Set(found.map((t) => t.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0)
        throw new AppError('bad_request', `Unknown team id: ${unknown.map((id) => `"${id}"`).join(', ')}`);
    }
    await tx
      .delete(teamShares)
      .where(and(eq(teamShares.resourceKind, kind), eq(teamShares.resourceId, resourceId)));
    if (shares.length > 0)
      await tx
        .insert(teamShares)
        .values(shares.map((s) => ({ teamId: s.teamId, resourceKind: kind, resourceId, role: s.role })));
  });
}

/** Every team by name, marked where `userId` is a member: what an owner picks from. */
export async function listTeamNames(db: Db, userId: string): Promise<TeamNameDto[]> {
  const [all, mine] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)),
  ]);
  const member = new Set(mine.map((m) => m.id));
  return all.map((t) => ({ ...t, member: member.has(t.id) }));
}
