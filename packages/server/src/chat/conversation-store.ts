import {
  AppError,
  type ConversationDto,
  type ConversationPage,
  type CreateConversationBody,
  type ListConversationsQuery,
  type UpdateConversationBody,
} from '@qiao/core';
import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations } from '../db/schema';

export type ConversationRow = typeof conversations.$inferSelect;

// Timestamps are always written from JS so they have millisecond precision and the
// pagination cursor (which carries one) compares exactly.

export async function createConversation(
  db: Db,
  userId: string,
  body: CreateConversationBody,
): Promise<ConversationRow> {
  const now = new Date();
  const [row] = await db
    .insert(conversations)
    .values({
      userId,
      title: body.title ?? '',
      model: body.model,
      systemPrompt: body.systemPrompt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** Someone else's conversation is indistinguishable from a missing one. */
export async function getConversation(db: Db, userId: string, id: string): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
  if (!row) throw new AppError('not_found', 'Conversation not found');
  return row;
}

export async function updateConversation(
  db: Db,
  userId: string,
  id: string,
  body: UpdateConversationBody,
): Promise<ConversationRow> {
  const [row] = await db
    .update(conversations)
    .set({ ...body, updatedAt: new Date() })
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .returning();
  if (!row) throw new AppError('not_found', 'Conversation not found');
  return row;
}

export async function deleteConversation(db: Db, userId: string, id: string): Promise<void> {
  const rows = await db
    .delete(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  if (rows.length === 0) throw new AppError('not_found', 'Conversation not found');
}

/** Newest first; `q` matches titles case-insensitively. */
export async function listConversations(
  db: Db,
  userId: string,
  query: ListConversationsQuery,
): Promise<ConversationPage> {
  const filters: (SQL | undefined)[] = [eq(conversations.userId, userId)];
  if (query.q) filters.push(ilike(conversations.title, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`));
  if (query.cursor) {
    const { updatedAt, id } = decodeCursor(query.cursor);
    filters.push(
      or(
        lt(conversations.updatedAt, updatedAt),
        and(eq(conversations.updatedAt, updatedAt), lt(conversations.id, id)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(conversations)
    .where(and(...filters))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    conversations: page.map(toConversationDto),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export function toConversationDto(row: ConversationRow): ConversationDto {
  return {
    id: row.id,
    title: row.title,
    model: row.model,
    systemPrompt: row.systemPrompt,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function encodeCursor(row: ConversationRow): string {
  return Buffer.from(JSON.stringify([row.updatedAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const updatedAt = new Date(iso);
    if (typeof id !== 'string' || Number.isNaN(updatedAt.getTime())) throw new TypeError('bad cursor');
    return { updatedAt, id };
  } catch (error) {
    throw new AppError('validation_failed', 'cursor: is not a cursor returned by this API', { cause: error });
  }
}
