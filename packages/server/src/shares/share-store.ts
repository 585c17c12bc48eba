import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, type ShareDto } from '@qiao/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getConversation } from '../chat/conversation-store';
import { getMessage } from '../chat/message-store';
import type { Db } from '../db';
import { conversations, shares } from '../db/schema';

export type ShareRow = typeof shares.$inferSelect;

/** The public id is the secret: 128 random bits, so links cannot be guessed or enumerated. */
const newShareId = () => randomBytes(16).toString('base64url');

export async function createShare(
  db: Db,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<ShareDto> {
  const conversation = await getConversation(db, userId, conversationId);
  const message = await getMessage(db, conversation.id, messageId);
  if (message.role !== 'assistant') throw new AppError('bad_request', 'A share ends with an answer');
  const [row] = await db
    .insert(shares)
    .values({
      id: newShareId(),
      userId,
      conversationId,
      messageId,
      contentId: randomUUID(),
      createdAt: new Date(),
    })
    .returning();
  return toShareDto(row!, conversation.title);
}

/** The user's live (not revoked) shares, newest first. */
export async function listShares(db: Db, userId: string): Promise<ShareDto[]> {
  const rows = await db
    .select({ share: shares, title: conversations.title })
    .from(shares)
    .innerJoin(conversations, eq(conversations.id, shares.conversationId))
    .where(and(eq(shares.userId, userId), isNull(shares.revokedAt)))
    .orderBy(desc(shares.createdAt));
  return rows.map(({ share, title }) => toShareDto(share, title));
}

export async function revokeShare(db: Db, userId: string, id: string): Promise<void> {
  const rows = await db
    .update(shares)
    .set({ revokedAt: new Date() })
    .where(and(eq(shares.id, id), eq(shares.userId, userId), isNull(shares.revokedAt)))
    .returning({ id: shares.id });
  if (rows.length === 0) throw new AppError('not_found', 'Share not found');
}

/** A live share with its conversation's title; revoked and unknown ids are the same 404. */
export async function getLiveShare(db: Db, id: string): Promise<{ share: ShareRow; title: string }> {
  const [row] = await db
    .select({ share: shares, title: conversations.title })
    .from(shares)
    .innerJoin(conversations, eq(conversations.id, shares.conversationId))
    .where(and(eq(shares.id, id), isNull(shares.revokedAt)));
  if (!row) throw new AppError('not_found', 'This shared conversation does not exist or was revoked');
  return row;
}

function toShareDto(row: ShareRow, title: string): ShareDto {
  return {
    id: row.id,
    url: `/share/${row.id}`,
    conversationId: row.conversationId,
    messageId: row.messageId,
    title,
    createdAt: row.createdAt.toISOString(),
  };
}
