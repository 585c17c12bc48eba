import { randomUUID } from 'node:crypto';
import { aiLabelHeaders, exportConversationQuery } from '@qiao/core';
import { Hono } from 'hono';
import { getConversation } from '../chat/conversation-store';
import { listMessages } from '../chat/message-store';
import { readQuery } from '../chat/read-query';
import { contentDisposition } from '../files/content-disposition';
import { sandboxPolicy } from '../files/user-content-headers';
import type { AppDeps, AppEnv } from '../http/app-env';
import { conversationExport, conversationMarkdown } from './conversation-export';

/** Mounted at /api/conversations: `GET /:id/export?format=md|json`, the owner's only (404 otherwise). */
export function conversationExportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/:id/export', async (c) => {
    const { format } = readQuery(c, exportConversationQuery);
    const conversation = await getConversation(db, c.get('auth').userId, c.req.param('id'));
    const contentId = randomUUID();
    const doc = conversationExport(conversation.title, await listMessages(db, conversation.id), contentId);
    for (const [name, value] of Object.entries(aiLabelHeaders(contentId))) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    const name = `${conversation.title.slice(0, 80).trim() || 'conversation'}.${format}`;
    c.header('Content-Disposition', contentDisposition('attachment', name));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', sandboxPolicy);
    if (format === 'json') return c.json(doc);
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(conversationMarkdown(doc));
  });

  return app;
}
