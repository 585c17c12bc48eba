import {
  AppError,
  type ConversationDto,
  type ConversationPage,
  type CreateConversationBody,
  type ListConversationsQuery,
  type UpdateConversationBody,
} from '@qiao/core';
import { and, desc, eq, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations } from '../db/schema';
import { getTopic } from '../topics/topic-store';
import { searchSnippet } from './search-snippet';

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
      agentId: body.agentId,
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
  if (body.topicId) await getTopic(db, userId, body.topicId);
  // Pinning or filing a chat is not activity: it keeps its place in the timeline.
  const { pinned, topicId, ...content } = body;
  const touched = Object.values(content).some((value) => value !== undefined);
  const [row] = await db
    .update(conversations)
    .set({ ...body, ...(touched ? { updatedAt: new Date() } : {}) })
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

/**
 * Newest first; `q` matches titles and message text case-insensitively (a substring match,
 * which works for Chinese without word segmentation), with a snippet of the first matching message.
 */
export async function listConversations(
  db: Db,
  userId: string,
  query: ListConversationsQuery,
): Promise<ConversationPage> {
  const filters: (SQL | undefined)[] = [eq(conversations.userId, userId)];
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  const hit = pattern ? firstMatchingMessage(pattern) : sql<string | null>`null`;
  if (pattern) filters.push(or(ilike(conversations.title, pattern), sql`${hit} is not null`));
  if (query.topicId) filters.push(eq(conversations.topicId, query.topicId));
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
    .select({ conversation: conversations, hit })
    .from(conversations)
    .where(and(...filters))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1]?.conversation;
  return {
    conversations: page.map(({ conversation, hit }) => ({
      ...toConversationDto(conversation),
      ...(hit && query.q ? { snippet: searchSnippet(hit, query.q) } : {}),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * Text of the conversation's first message matching the ILIKE pattern (older rows lack
 * plain_text). Names are written out qualified: drizzle leaves columns unqualified in a select
 * list, where `id` would then mean the message's id.
 */
function firstMatchingMessage(pattern: string): SQL<string | null> {
  const text = sql.raw('coalesce(m.plain_text, m.content::text)');
  return sql<
    string | null
  >`(select ${text} from messages m where m.conversation_id = "conversations"."id" and ${text} ilike ${pattern} order by m.created_at limit 1)`;
}

export function toConversationDto(row: ConversationRow): ConversationDto {
  return {
    id: row.id,
    title: row.title,
    model: row.model,
    systemPrompt: row.systemPrompt,
    agentId: row.agentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    pinned: row.pinned,
    topicId: row.topicId,
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
