import { addMemberBody, createKnowledgeBaseBody, updateKnowledgeBaseBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { documentIdsOf, pendingStatuses, transitionDocument } from './document-store';
import { requireKbRole } from './kb-access';
import {
  createKnowledgeBase,
  deleteKnowledgeBase,
  describeKnowledgeBase,
  listKnowledgeBases,
  updateKnowledgeBase,
} from './kb-store';
import { knowledgeOf } from './knowledge-of';
import { listMembers, removeMember, setMember } from './member-store';
import { dropKbVectors, ensureVectorStore } from './vector-store';

/** Knowledge bases and their members. */
export function knowledgeBaseRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.post('/', async (c) => {
    const body = await readJson(c, createKnowledgeBaseBody);
    const kb = await createKnowledgeBase(db, c.get('auth').userId, body);
    return c.json(await describeKnowledgeBase(db, kb, 'manage'), 201);
  });

  app.get('/', async (c) => c.json({ knowledgeBases: await listKnowledgeBases(db, c.get('auth').userId) }));

  app.get('/:id', async (c) => {
    const { kb, role } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'read');
    return c.json(await describeKnowledgeBase(db, kb, role));
  });

  app.patch('/:id', async (c) => {
    const body = await readJson(c, updateKnowledgeBaseBody);
    const { kb, role } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'manage');
    const updated = await updateKnowledgeBase(db, kb, body);
    if (updated.settings.embeddingModel !== kb.settings.embeddingModel) await reembed(deps, kb.id);
    return c.json(await describeKnowledgeBase(db, updated, role));
  });

  app.delete('/:id', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'manage');
    const knowledge = await knowledgeOf(deps);
    for (const id of await documentIdsOf(db, kb.id)) knowledge.queue.abort(id);
    if ((await ensureVectorStore(db)).available) await dropKbVectors(db, kb.id);
    await deleteKnowledgeBase(db, kb.id);
    return c.body(null, 204);
  });

  app.get('/:id/members', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'read');
    return c.json({ members: await listMembers(db, kb) });
  });

  app.put('/:id/members', async (c) => {
    const body = await readJson(c, addMemberBody);
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'manage');
    return c.json(await setMember(db, kb, body.username, body.role));
  });

  app.delete('/:id/members/:userId', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'manage');
    await removeMember(db, kb, c.req.param('userId'));
    return c.body(null, 204);
  });

  return app;
}

/** Vectors of another model cannot be compared with the new one's: index everything again. */
async function reembed(deps: AppDeps, kbId: string): Promise<void> {
  const { db } = deps.database;
  if ((await ensureVectorStore(db)).available) await dropKbVectors(db, kbId);
  const knowledge = await knowledgeOf(deps);
  for (const id of await documentIdsOf(db, kbId)) {
    knowledge.queue.abort(id);
    const from = [...pendingStatuses, 'ready', 'failed', 'cancelled'] as const;
    if (await transitionDocument(db, id, from, { status: 'queued', progress: 0, attempts: 0, error: null }))
      await knowledge.queue.enqueue(id);
  }
}
