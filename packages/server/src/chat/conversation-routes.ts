import {
  createConversationBody,
  editMessageBody,
  listConversationsQuery,
  regenerateBody,
  sendMessageBody,
  updateConversationBody,
} from '@qiao/core';
import { type Context, Hono } from 'hono';
import { requestLanguage } from '../agents/request-language';
import { resolveAgent } from '../agents/resolve-agent';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { setBindings } from '../knowledge/binding-store';
import { getSettings } from '../settings/settings-store';
import { ActiveGenerations } from './active-generations';
import {
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  toConversationDto,
  updateConversation,
} from './conversation-store';
import { listMessages } from './message-store';
import { toMessageDtos } from './message-views';
import { prepareTurn, type TurnMode } from './prepare-turn';
import { readQuery } from './read-query';
import { sendChatEvents } from './send-chat-events';
import { withTitle } from './with-title';

/** /api/conversations: the signed-in user's conversations; anyone else's are 404. */
export function conversationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;
  const active = new ActiveGenerations();

  app.post('/', async (c) => {
    const auth = c.get('auth');
    const body = await readJson(c, createConversationBody);
    // an agent's knowledge bases become the conversation's; the user may change them later
    const agent = body.agentId ? await resolveAgent(db, auth, body.agentId) : undefined;
    const row = await createConversation(db, auth.userId, { ...body, agentId: agent?.id });
    if (agent && agent.spec.knowledgeBaseIds.length > 0)
      await setBindings(db, row.id, agent.spec.knowledgeBaseIds);
    return c.json(toConversationDto(row), 201);
  });

  app.get('/', async (c) => {
    const query = readQuery(c, listConversationsQuery);
    return c.json(await listConversations(db, c.get('auth').userId, query));
  });

  app.get('/:id', async (c) =>
    c.json(toConversationDto(await getConversation(db, c.get('auth').userId, c.req.param('id')))),
  );

  app.patch('/:id', async (c) => {
    const body = await readJson(c, updateConversationBody);
    return c.json(
      toConversationDto(await updateConversation(db, c.get('auth').userId, c.req.param('id'), body)),
    );
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    await getConversation(db, c.get('auth').userId, id);
    await active.stop(id);
    await deleteConversation(db, c.get('auth').userId, id);
    return c.body(null, 204);
  });

  app.get('/:id/messages', async (c) => {
    const conversation = await getConversation(db, c.get('auth').userId, c.req.param('id'));
    const rows = await listMessages(db, conversation.id);
    return c.json({ messages: await toMessageDtos(db, rows), generating: active.isActive(conversation.id) });
  });

  app.post('/:id/messages', async (c) => {
    const body = await readJson(c, sendMessageBody);
    return startTurn(c, { kind: 'send', content: body.content }, body.model, body.attachments);
  });

  app.post('/:id/messages/:messageId/edit', async (c) => {
    const body = await readJson(c, editMessageBody);
    return startTurn(
      c,
      { kind: 'edit', content: body.content, messageId: c.req.param('messageId') },
      body.model,
      body.attachments,
    );
  });

  app.post('/:id/regenerate', async (c) => {
    const body = await readJson(c, regenerateBody);
    return startTurn(c, { kind: 'regenerate', messageId: body.messageId }, body.model);
  });

  app.post('/:id/stop', async (c) => {
    const conversation = await getConversation(db, c.get('auth').userId, c.req.param('id'));
    return c.json({ stopped: await active.stop(conversation.id) });
  });

  async function startTurn(
    c: Context<AppEnv>,
    mode: TurnMode,
    model: string | undefined,
    attachments?: string[],
  ): Promise<Response> {
    const auth = c.get('auth');
    const stored = await getConversation(db, auth.userId, c.req.param('id')!);
    // A conversation without a model uses the user's default model (settings), if any.
    const conversation = {
      ...stored,
      model: stored.model ?? (await getSettings(db, auth.userId)).defaultModel,
    };
    const controller = active.begin(conversation.id);
    const end = () => active.end(conversation.id, controller);
    try {
      const events = await prepareTurn(deps, {
        auth,
        conversation,
        mode,
        model,
        attachments,
        signal: controller.signal,
        lang: requestLanguage(c),
        onSettled: end,
      });
      // The first exchange of an untitled conversation also names it.
      const titled =
        conversation.title === '' && mode.kind !== 'regenerate'
          ? withTitle(deps, events, {
              conversationId: conversation.id,
              userId: auth.userId,
              question: mode.content,
            })
          : events;
      return sendChatEvents(c, titled, () => controller.abort(), end);
    } catch (error) {
      end();
      throw error;
    }
  }

  return app;
}
