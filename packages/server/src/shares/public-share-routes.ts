import { AppError, type PublicShareDto } from '@qiao/core';
import { Hono } from 'hono';
import { listMessages } from '../chat/message-store';
import { sandboxPolicy } from '../files/user-content-headers';
import type { AppDeps, AppEnv } from '../http/app-env';
import { getLiveShare } from './share-store';
import { sharedThread } from './shared-thread';

/**
 * Mounted at /api/public, before sign-in is required: anyone with the link reads the shared
 * part of the conversation, labelled as AI-generated in the body and in a header.
 */
export function publicShareRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/shares/:id', async (c) => {
    const { share, title } = await getLiveShare(deps.database.db, c.req.param('id'));
    const messages = sharedThread(
      await listMessages(deps.database.db, share.conversationId),
      share.messageId,
    );
    // an edit-and-resend can delete the shared answer: the share then ends with it
    if (messages.length === 0) throw new AppError('not_found', 'The shared answer no longer exists');
    // Revoking has to take effect at once, so nothing on the way may keep a copy.
    c.header('Cache-Control', 'no-store');
    c.header('X-AI-Generated', 'true');
    // the thread is other people's text: never to be sniffed into a page on Qiao's origin
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', sandboxPolicy);
    return c.json({
      title,
      messages,
      createdAt: share.createdAt.toISOString(),
      aiGenerated: true,
      metadata: { contentId: share.contentId, producer: 'Qiao', aiGenerated: true },
    } satisfies PublicShareDto);
  });
  return app;
}
