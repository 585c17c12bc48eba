import { AppError, type FeedbackBody, type FeedbackDto } from '@qiao/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, messageFeedback, messages } from '../db/schema';

/** An assistant message of one of the user's own conversations; anything else is a 404. */
async function ownAnswer(db: Db, userId: string, messageId: string): Promise<void> {
  const [row] = await db
    .select({ role: messages.role })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId), eq(conversations.userId, userId)));
  if (!row) throw new AppError('not_found', 'Message not found');
  if (row.role !== 'assistant') throw new AppError('bad_request', 'Only answers can be rated');
}

/** Sets or (rating null) clears the user's rating of an answer. */
export async function setFeedback(
  db: Db,
  userId: string,
  messageId: string,
  body: FeedbackBody,
): Promise<FeedbackDto> {
  await ownAnswer(db, userId, messageId);
  if (body.rating === null) {
    await db.delete(messageFeedback).where(eq(messageFeedback.messageId, messageId));
    return { rating: null, reason: null, comment: null };
  }
  // A reason only explains a dislike; a like keeps none.
  const reason = body.rating === 'dislike' ? (body.reason ?? null) : null;
  const comment = body.comment ? body.comment : null;
  const values = { rating: body.rating, reason, comment, updatedAt: new Date() };
  await db
    .insert(messageFeedback)
    .values({ messageId, userId, ...values })
    .onConflictDoUpdate({ target: messageFeedback.messageId, set: values });
  return { rating: body.rating, reason, comment };
}

/** Ratings of the given messages, by message id. */
export async function feedbackFor(db: Db, messageIds: string[]): Promise<Map<string, FeedbackDto>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.select().from(messageFeedback).where(inArray(messageFeedback.messageId, messageIds));
  return new Map(
    rows.map((row) => [row.messageId, { rating: row.rating, reason: row.reason, comment: row.comment }]),
  );
}
