import {
  AppError,
  addTeamMemberBody,
  can,
  createTeamBody,
  type ShareWithTeamBody,
  shareWithTeamBody,
} from '@qiao/core';
import { Hono } from 'hono';
import { getEditableAgent } from '../agents/agent-store';
import { currentAuth } from '../auth/current-auth';
import type { Db } from '../db';
import type { AppDeps, AppEnv, AuthContext } from '../http/app-env';
import { readJson } from '../http/read-json';
import { requireKbRole } from '../knowledge/kb-access';
import { appendAudit } from '../safety/audit-log';
import { assertCan } from './assert-can';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  findTeam,
  listTeams,
  removeTeamMember,
  shareWithTeam,
  unshareFromTeam,
} from './team-store';

/**
 * Mounted at /api/teams. Administrators manage teams and members; the owner of an agent or
 * knowledge base who is in a team may share it with that team.
 */
export function teamRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = currentAuth(c);
    return c.json({ teams: await listTeams(db, can(auth.role, 'teams.manage') ? undefined : auth.userId) });
  });

  app.post('/', async (c) => {
    const auth = currentAuth(c);
    assertCan(auth, 'teams.manage');
    const team = await createTeam(db, (await readJson(c, createTeamBody)).name);
    await appendAudit(db, auth, { action: 'team.create', target: team.id, detail: { name: team.name } });
    return c.json({ team }, 201);
  });

  app.delete('/:id', async (c) => {
    const auth = currentAuth(c);
    assertCan(auth, 'teams.manage');
    const team = await findTeam(db, c.req.param('id'));
    await deleteTeam(db, team.id);
    await appendAudit(db, auth, { action: 'team.delete', target: team.id, detail: { name: team.name } });
    return c.json({ ok: true });
  });

  app.post('/:id/members', async (c) => {
    const auth = currentAuth(c);
    assertCan(auth, 'teams.manage');
    const team = await findTeam(db, c.req.param('id'));
    const { username } = await readJson(c, addTeamMemberBody);
    await addTeamMember(db, team.id, username);
    await appendAudit(db, auth, { action: 'team.member.add', target: team.id, detail: { username } });
    return c.json({ ok: true }, 201);
  });

  app.delete('/:id/members/:userId', async (c) => {
    const auth = currentAuth(c);
    assertCan(auth, 'teams.manage');
    const team = await findTeam(db, c.req.param('id'));
    const userId = c.req.param('userId');
    if (!(await removeTeamMember(db, team.id, userId))) throw new AppError('not_found', 'Not a member');
    await appendAudit(db, auth, { action: 'team.member.remove', target: team.id, detail: { userId } });
    return c.json({ ok: true });
  });

  app.put('/:id/shares', async (c) => {
    const auth = currentAuth(c);
    const team = await findTeam(db, c.req.param('id'));
    const share = await readJson(c, shareWithTeamBody);
    await assertMayShare(db, auth, team.id, share);
    await shareWithTeam(db, team.id, share);
    await appendAudit(db, auth, { action: 'team.share', target: team.id, detail: share });
    return c.json({ ok: true });
  });

  app.delete('/:id/shares/:kind/:resourceId', async (c) => {
    const auth = currentAuth(c);
    const team = await findTeam(db, c.req.param('id'));
    const kind = c.req.param('kind');
    if (kind !== 'agent' && kind !== 'kb') throw new AppError('bad_request', 'kind is "agent" or "kb"');
    const resourceId = c.req.param('resourceId');
    await assertMayShare(db, auth, team.id, { kind, resourceId, role: 'read' });
    if (!(await unshareFromTeam(db, team.id, kind, resourceId)))
      throw new AppError('not_found', 'Not shared');
    await appendAudit(db, auth, { action: 'team.unshare', target: team.id, detail: { kind, resourceId } });
    return c.json({ ok: true });
  });

  return app;
}

/** Administrators, or whoever may edit the resource and is in the team. */
async function assertMayShare(db: Db, auth: AuthContext, teamId: string, share: ShareWithTeamBody) {
  if (share.kind === 'agent') await getEditableAgent(db, auth, share.resourceId);
  else if (!can(auth.role, 'resources.all')) await requireKbRole(db, auth.userId, share.resourceId, 'manage');
  if (can(auth.role, 'teams.manage')) return;
  const mine = await listTeams(db, auth.userId);
  if (!mine.some((t) => t.id === teamId))
    throw new AppError('forbidden', 'You can only share with your own teams');
}
