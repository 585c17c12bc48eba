import {
  type AgentExport,
  AppError,
  agentExport,
  agentSpec,
  createAgentBody,
  draftAgentBody,
  updateAgentBody,
} from '@qiao/core';
import { Hono } from 'hono';
import { currentAuth } from '../auth/current-auth';
import { readFileBytes } from '../files/file-store';
import { userContentHeaders } from '../files/user-content-headers';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { agentAvatarFile, copyAvatar } from './agent-avatar-file';
import { builtinAgentDto, toAgentDto } from './agent-dto';
import {
  createAgent,
  deleteAgent,
  getAgentVersion,
  getEditableAgent,
  getReadableAgent,
  listAgentVersions,
  listOwnAgents,
  listSharedAgents,
  saveAgentVersion,
} from './agent-store';
import { findBuiltinAgent } from './builtin';
import { draftAgent } from './draft-agent';
import { submitToPlaza } from './plaza-store';
import { requestLanguage } from './request-language';
import { resolveAgent } from './resolve-agent';

/** /api/agents: the caller's agents and the ones shared with them; built-ins are read-only. */
export function agentRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/', async (c) => {
    const auth = currentAuth(c);
    const [own, shared] = await Promise.all([
      listOwnAgents(db, auth.userId),
      listSharedAgents(db, auth.userId),
    ]);
    return c.json({ agents: [...own, ...shared].map((row) => toAgentDto(row, auth)) });
  });

  app.post('/', async (c) => {
    const auth = currentAuth(c);
    const { slug, ...spec } = await readJson(c, createAgentBody);
    return c.json(toAgentDto(await createAgent(db, { ownerId: auth.userId, spec, slug }), auth), 201);
  });

  app.post('/draft', async (c) => {
    const body = await readJson(c, draftAgentBody);
    return c.json({ draft: await draftAgent(deps, currentAuth(c), body) });
  });

  app.post('/import', async (c) => {
    const auth = currentAuth(c);
    const file = await readJson(c, agentExport);
    const spec = { ...file.agent, visibility: 'private' as const };
    return c.json(
      toAgentDto(await createAgent(db, { ownerId: auth.userId, spec, slug: file.slug }), auth),
      201,
    );
  });

  app.get('/:id', async (c) => {
    const auth = currentAuth(c);
    const builtin = findBuiltinAgent(c.req.param('id').replace(/^builtin:/, ''));
    if (builtin) return c.json(builtinAgentDto(builtin, requestLanguage(c)));
    return c.json(toAgentDto(await getReadableAgent(db, auth, c.req.param('id')), auth));
  });

  app.patch('/:id', async (c) => {
    const auth = currentAuth(c);
    const body = await readJson(c, updateAgentBody);
    const agent = await getEditableAgent(db, auth, c.req.param('id'));
    return c.json(toAgentDto(await saveAgentVersion(db, auth, agent.id, body, body.note), auth));
  });

  app.delete('/:id', async (c) => {
    const agent = await getEditableAgent(db, currentAuth(c), c.req.param('id'));
    await deleteAgent(db, agent.id);
    return c.body(null, 204);
  });

  app.get('/:id/versions', async (c) => {
    const agent = await getReadableAgent(db, currentAuth(c), c.req.param('id'));
    const versions = await listAgentVersions(db, agent.id);
    return c.json({
      versions: versions.map((v) => ({
        version: v.version,
        note: v.note,
        createdAt: v.createdAt.toISOString(),
        spec: v.spec,
      })),
    });
  });

  app.post('/:id/versions/:version/restore', async (c) => {
    const auth = currentAuth(c);
    const agent = await getEditableAgent(db, auth, c.req.param('id'));
    const version = Number(c.req.param('version'));
    if (!Number.isInteger(version) || version < 1)
      throw new AppError('bad_request', 'version must be a positive integer');
    const old = await getAgentVersion(db, agent.id, version);
    const restored = await saveAgentVersion(db, auth, agent.id, old.spec, `restored version ${version}`);
    return c.json(toAgentDto(restored, auth));
  });

  app.get('/:id/export', async (c) => {
    const agent = await resolveAgent(db, currentAuth(c), c.req.param('id'), requestLanguage(c));
    const file: AgentExport = {
      format: 'qiao.agent/v1',
      slug: agent.builtIn ? undefined : agent.slug,
      agent: agent.spec,
    };
    return c.json(file);
  });

  // Authorized by the agent (team, plaza), not by who uploaded the file.
  app.get('/:id/avatar', async (c) => {
    const agent = await getReadableAgent(db, currentAuth(c), c.req.param('id'));
    const file = await agentAvatarFile(db, agent);
    for (const [name, value] of Object.entries(userContentHeaders(file.mimeType, file.name)))
      c.header(name, value);
    c.header('Cache-Control', 'private, max-age=86400');
    return c.body(new Uint8Array(await readFileBytes(deps.config.dataDir, file)));
  });

  /** "Copy to my agents": a private, editable copy of a built-in or shared agent. */
  app.post('/:id/copy', async (c) => {
    const auth = currentAuth(c);
    const source = await resolveAgent(db, auth, c.req.param('id'), requestLanguage(c));
    const avatar = source.builtIn
      ? undefined
      : await copyAvatar(db, deps.config.dataDir, await getReadableAgent(db, auth, source.id), auth.userId);
    const spec = agentSpec.parse({
      ...source.spec,
      avatar: avatar ?? source.spec.avatar,
      visibility: 'private',
    });
    const row = await createAgent(db, { ownerId: auth.userId, spec, note: `copied from ${source.slug}` });
    return c.json(toAgentDto(row, auth), 201);
  });

  app.post('/:id/submit', async (c) => {
    const auth = currentAuth(c);
    const agent = await getEditableAgent(db, auth, c.req.param('id'));
    return c.json(await submitToPlaza(db, auth, agent.id), 201);
  });

  return app;
}
