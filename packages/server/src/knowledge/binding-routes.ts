import { AppError, bindKnowledgeBody } from '@qiao/core';
import { Hono } from 'hono';
import { getConversation } from '../chat/conversation-store';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { boundKnowledgeBaseIds, setBindings } from './binding-store';
import { requireKbRole } from './kb-access';
import { messageSources } from './message-sources-store';

/** Which knowledge bases a conversation answers from (/bindings/:conversationId), and what its answers cited. */
export function bindingRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/bindings/:conversationId', async (c) => {
    const conversation = await getConversation(db, c.get('auth').userId, c.req.param('conversationId'));
    return c.json({ knowledgeBaseIds: await boundKnowledgeBaseIds(db, conversation.id) });
  });

  app.put('/bindings/:conversationId', async (c) => {
    const body = await readJson(c, bindKnowledgeBody);
    const auth = c.get('auth');
    const conversation = await getConversation(db, auth.userId, c.req.param('conversationId'));
    const ids = [...new Set(body.knowledgeBaseIds)];
    for (const id of ids) {
      await requireKbRole(db, auth.userId, id, 'read').catch((error: unknown) => {
        throw AppError.is(error) ? new AppError(error.code, `${error.message}: ${id}`) : error;
      });
    }
    await setBindings(db, conversation.id, ids);
    return c.json({ knowledgeBaseIds: ids });
  });

  /** the numbered passages a stored answer cited, for [n] links in history */
  app.get('/message-sources/:messageId', async (c) =>
    c.json({ sources: await messageSources(db, c.get('auth').userId, c.req.param('messageId')) }),
  );

  return app;
}
