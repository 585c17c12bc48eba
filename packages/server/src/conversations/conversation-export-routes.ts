import { randomUUID } from 'node:crypto';
import { aiLabelHeaders, exportConversationQuery } from '@qiao/core';
import { Hono } from 'hono';
import { getConversation } from '../chat/conversation-store';
import { listMessages } from '../chat/message-store';
import { readQuery } from '../chat/read-query';
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
    c.header('Content-Disposition', attachment(conversation.title, format));
    if (format === 'json') return c.json(doc);
    c.header('Content-Type', 'text/markdown; charset=utf-8');
    return c.body(conversationMarkdown(doc));
  });

  return app;
}

/** RFC 6266: an ASCII fallback name and the real (often Chinese) title in `filename*`. */
function attachment(title: string, format: 'md' | 'json'): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 80) || 'conversation';
  const ascii = base.replace(/[^\x20-\x7e]+/g, '_');
  return `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${base}.${format}`)}`;
}
