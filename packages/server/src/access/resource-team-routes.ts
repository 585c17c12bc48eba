import { type AgentTeamsDto, AppError, agentTeamsBody, can, type KbTeamsDto, kbTeamsBody } from '@qiao/core';
import { Hono } from 'hono';
import { getEditableAgent } from '../agents/agent-store';
import { currentAuth } from '../auth/current-auth';
import type { Db } from '../db';
import type { AppDeps, AppEnv, AuthContext } from '../http/app-env';
import { readJson } from '../http/read-json';
import { requireKbRole } from '../knowledge/kb-access';
import { appendAudit } from '../safety/audit-log';
import { listResourceTeams, listTeamNames, replaceResourceTeams } from './resource-team-store';

/**
 * Mounted at /api. The owner of an agent or knowledge base (or whoever may edit it) sets the
 * teams it is shared with in one request; access/team-visibility.ts is what the shares mean.
 * Every team is listed (names are not secret inside one deployment), but as on
 * /api/teams/:id/shares a team is added only by its members or by whoever manages teams: an
 * owner cannot push an agent or a document set into a team they are not part of.
 */
export function resourceTeamRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();

  app.get('/teams/names', async (c) => c.json({ teams: await listTeamNames(db, currentAuth(c).userId) }));

  const agentTeams = async (agentId: string): Promise<AgentTeamsDto> => ({
    teams: (await listResourceTeams(db, 'agent', agentId)).map((s) => ({ id: s.teamId, name: s.name })),
  });

  app.get('/agents/:id/teams', async (c) => {
    const agent = await getEditableAgent(db, currentAuth(c), c.req.param('id'));
    return c.json(await agentTeams(agent.id));
  });

  app.put('/agents/:id/teams', async (c) => {
    const auth = currentAuth(c);
    const agent = await getEditableAgent(db, auth, c.req.param('id'));
    const { teamIds } = await readJson(c, agentTeamsBody);
    const before = await agentTeams(agent.id);
    await assertMayAdd(
      db,
      auth,
      before.teams.map((t) => t.id),
      teamIds,
    );
    await replaceResourceTeams(
      db,
      'agent',
      agent.id,
      teamIds.map((teamId) => ({ teamId, role: 'read' })),
    );
    const after = await agentTeams(agent.id);
    await appendAudit(db, auth, {
      action: 'team.shares.replace',
      target: agent.id,
      detail: { kind: 'agent', from: before.teams.map((t) => t.id), to: teamIds },
    });
    return c.json(after);
  });

  const kbTeams = async (kbId: string): Promise<KbTeamsDto> => ({
    shares: await listResourceTeams(db, 'kb', kbId),
  });

  app.get('/knowledge-bases/:id/teams', async (c) => {
    const { kb } = await requireKbRole(db, currentAuth(c).userId, c.req.param('id'), 'manage');
    return c.json(await kbTeams(kb.id));
  });

  app.put('/knowledge-bases/:id/teams', async (c) => {
    const auth = currentAuth(c);
    const { kb } = await requireKbRole(db, auth.userId, c.req.param('id'), 'manage');
    const { shares } = await readJson(c, kbTeamsBody);
    const before = await kbTeams(kb.id);
    await assertMayAdd(
      db,
      auth,
      before.shares.map((s) => s.teamId),
      shares.map((s) => s.teamId),
    );
    await replaceResourceTeams(db, 'kb', kb.id, shares);
    const after = await kbTeams(kb.id);
    await appendAudit(db, auth, {
      action: 'team.shares.replace',
      target: kb.id,
      detail: {
        kind: 'kb',
        from: before.shares.map(({ teamId, role }) => ({ teamId, role })),
        to: shares,
      },
    });
    return c.json(after);
  });

  return app;
}

/** Teams new to the set must be the caller's own (unknown ids are left to the store's 400). */
async function assertMayAdd(db: Db, auth: AuthContext, before: string[], after: string[]) {
  const added = after.filter((id) => !before.includes(id));
  if (added.length === 0 || can(auth.role, 'teams.manage')) return;
  const foreign = (await listTeamNames(db, auth.userId)).filter((t) => !t.member && added.includes(t.id));
  if (foreign.length > 0)
    throw new AppError(
      'forbidden',
      `You can only share with your own teams: ${foreign.map((t) => `"${t.name}"`).join(', ')}`,
    );
}
