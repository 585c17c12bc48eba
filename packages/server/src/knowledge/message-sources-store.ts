import { AppError, type KnowledgeSource } from '@qiao/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, kbMessageSources, messages } from '../db/schema';

export async function saveMessageSources(
  db: Db,
  messageId: string,
  sources: KnowledgeSource[],
): Promise<void> {
  await db
    .insert(kbMessageSources)
    .values({ messageId, sources })
    .onConflictDoUpdate({ target: kbMessageSources.messageId, set: { sources } });
}

/** The sources of an answer in one of the user's own conversations; anyone else's is a 404. */
export async function messageSources(db: Db, userId: string, messageId: string): Promise<KnowledgeSource[]> {
  const [message] = await db
    .select({ id: messages.id, sources: kbMessageSources.sources })
    .from(messages)
    .innerJoin(
      conversations,
      and(eq(conversations.id, messages.conversationId), eq(conversations.userId, userId)),
    )
    .leftJoin(kbMessageSources, eq(kbMessageSources.messageId, messages.id))
    .where(eq(messages.id, messageId));
  if (!message) throw new AppError('not_found', 'Message not found');
  return message.sources ?? [];
}
