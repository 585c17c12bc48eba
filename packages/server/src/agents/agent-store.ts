import { type AgentSpec, AppError, agentSpec, type UpdateAgentBody } from '@qiao/core';
import { and, desc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { teamVisible } from '../access/team-visibility';
import type { Db } from '../db';
import { agents, agentVersions } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { isUniqueViolation } from '../users/unique-violation';
import { canEditAgent, canReadAgent } from './agent-access';
import type { AgentRow } from './agent-dto';
import { slugFromName } from './agent-slug';
import { findBuiltinAgent } from './builtin';

export interface NewAgent {
  ownerId: string;
  spec: AgentSpec;
  slug?: string;
  note?: string;
}

/** Creates an agent and its version 1 in one transaction. */
export async function createAgent(db: Db, input: NewAgent): Promise<AgentRow> {
  const slug = input.slug ?? slugFromName(input.spec.name);
  if (findBuiltinAgent(slug)) throw new AppError('conflict', `"${slug}" is the slug of a built-in agent`);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(agents)
        .values({
          slug,
          ownerId: input.ownerId,
          spec: input.spec,
          name: input.spec.name,
          visibility: input.spec.visibility,
        })
        .returning();
      await tx.insert(agentVersions).values({
        agentId: row!.id,
        version: 1,
        spec: input.spec,
        note: input.note ?? null,
        createdBy: input.ownerId,
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `An agent with slug "${slug}" exists`);
    throw error;
  }
}

/** By id or slug; someone else's private agent reads as missing, so ids cannot be probed. */
export async function getReadableAgent(db: Db, auth: AuthContext, idOrSlug: string): Promise<AgentRow> {
  const [found] = await db
    .select({ ...getTableColumns(agents), inTeam: teamVisible('agent', auth.userId) })
    .from(agents)
    .where(or(eq(agents.id, idOrSlug), eq(agents.slug, idOrSlug)))
    .limit(1);
  if (!found || !canReadAgent(auth, found)) throw new AppError('not_found', `No agent "${idOrSlug}"`);
  const { inTeam: _inTeam, ...row } = found;
  return row;
}

export async function getEditableAgent(db: Db, auth: AuthContext, idOrSlug: string): Promise<AgentRow> {
  const row = await getReadableAgent(db, auth, idOrSlug);
  if (!canEditAgent(auth, row)) throw new AppError('forbidden', 'Only the owner can change this agent');
  return row;
}

export async function listOwnAgents(db: Db, userId: string): Promise<AgentRow[]> {
  return db.select().from(agents).where(eq(agents.ownerId, userId)).orderBy(desc(agents.updatedAt));
}

/** Agents others shared with the user: approved plaza agents, team ones of the user's teams. */
export async function listSharedAgents(db: Db, userId: string): Promise<AgentRow[]> {
  return db
    .select()
    .from(agents)
    .where(
      and(
        sql`${agents.ownerId} <> ${userId}`,
        or(
          and(eq(agents.visibility, 'plaza'), eq(agents.listed, 'yes')),
          and(eq(agents.visibility, 'team'), teamVisible('agent', userId)),
        ),
      ),
    )
    .orderBy(desc(agents.updatedAt))
    .limit(200);
}

/**
 * Every change is a new version holding the whole spec, so any version can be restored by
 * saving it again. The row is locked so two saves cannot both become version N + 1.
 */
export async function saveAgentVersion(
  db: Db,
  auth: AuthContext,
  agentId: string,
  change: UpdateAgentBody | AgentSpec,
  note?: string,
): Promise<AgentRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(agents).where(eq(agents.id, agentId)).for('update');
    if (!current) throw new AppError('not_found', 'No such agent');
    if (!canEditAgent(auth, current)) throw new AppError('forbidden', 'Only the owner can change this agent');
    const { note: _ignored, ...patch } = change as UpdateAgentBody;
    const spec = parseWith(agentSpec, { ...current.spec, ...patch });
    const version = current.version + 1;
    const [row] = await tx
      .update(agents)
      .set({
        spec,
        name: spec.name,
        visibility: spec.visibility,
        // leaving the plaza takes it off the listing; coming back needs a new review
        listed: spec.visibility === 'plaza' ? current.listed : 'no',
        version,
        updatedAt: new Date(),
      })
      .where(eq(agents.id, agentId))
      .returning();
    await tx
      .insert(agentVersions)
      .values({ agentId, version, spec, note: note ?? null, createdBy: auth.userId });
    return row!;
  });
}

export async function listAgentVersions(db: Db, agentId: string) {
  return db
    .select()
    .from(agentVersions)
    .where(eq(agentVersions.agentId, agentId))
    .orderBy(desc(agentVersions.version));
}

export async function getAgentVersion(db: Db, agentId: string, version: number) {
  const [row] = await db
    .select()
    .from(agentVersions)
    .where(and(eq(agentVersions.agentId, agentId), eq(agentVersions.version, version)));
  if (!row) throw new AppError('not_found', `Version ${version} does not exist`);
  return row;
}

export async function deleteAgent(db: Db, agentId: string): Promise<void> {
  await db.delete(agents).where(eq(agents.id, agentId));
}
