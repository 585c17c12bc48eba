import {
  AppError,
  type ChatMessage,
  type MessageDto,
  messageText,
  type ToolCall,
  type Usage,
} from '@qiao/core';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, messages } from '../db/schema';
import { titleFromMessage } from './conversation-title';

export type MessageRow = typeof messages.$inferSelect;

export async function listMessages(db: Db, conversationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function getMessage(db: Db, conversationId: string, id: string): Promise<MessageRow> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, id)));
  if (!row) throw new AppError('not_found', 'Message not found');
  return row;
}

export interface TurnRecord {
  conversationId: string;
  /** absent when regenerating: the answer then joins an existing user message */
  user?: { id: string; content: string; createdAt: Date };
  assistant: {
    id: string;
    parentId: string;
    content: string;
    reasoning: string | null;
    toolCalls: ToolCall[] | null;
    model: string;
    status: 'complete' | 'stopped';
    usage: Usage | null;
  };
  /** edit and resend: messages from this time on are replaced by this turn */
  replaceFrom?: Date;
}

/** Writes the whole turn at once, so a failed answer never leaves half a turn behind. */
export async function saveTurn(db: Db, turn: TurnRecord): Promise<void> {
  const userCreatedAt = turn.user?.createdAt.getTime() ?? 0;
  const assistantCreatedAt = new Date(Math.max(Date.now(), userCreatedAt + 1));
  await db.transaction(async (tx) => {
    if (turn.replaceFrom) {
      await tx
        .delete(messages)
        .where(
          and(eq(messages.conversationId, turn.conversationId), gte(messages.createdAt, turn.replaceFrom)),
        );
    }
    if (turn.user) {
      await tx.insert(messages).values({
        id: turn.user.id,
        conversationId: turn.conversationId,
        role: 'user',
        content: turn.user.content,
        createdAt: turn.user.createdAt,
      });
    }
    await tx.insert(messages).values({
      ...turn.assistant,
      conversationId: turn.conversationId,
      role: 'assistant',
      createdAt: assistantCreatedAt,
    });
    // The first user message names the conversation until something better renames it.
    const title = turn.user ? titleFromMessage(turn.user.content) : '';
    await tx
      .update(conversations)
      .set({
        updatedAt: assistantCreatedAt,
        ...(title
          ? {
              title: sql`case when ${conversations.title} = '' then ${title} else ${conversations.title} end`,
            }
          : {}),
      })
      .where(eq(conversations.id, turn.conversationId));
  });
}

/**
 * The messages the model sees: in order, with only the newest version of each regenerated
 * answer, and without answers that were stopped before they said anything.
 */
export function toThread(rows: readonly MessageRow[]): ChatMessage[] {
  const latestAnswer = new Map<string, MessageRow>();
  for (const row of rows) if (row.role === 'assistant' && row.parentId) latestAnswer.set(row.parentId, row);
  const thread: ChatMessage[] = [];
  for (const row of rows) {
    if (row.role === 'assistant' && row.parentId) continue;
    thread.push(toChatMessage(row));
    const answer = latestAnswer.get(row.id);
    if (answer && (messageText(answer).length > 0 || answer.toolCalls?.length))
      thread.push(toChatMessage(answer));
  }
  return thread;
}

function toChatMessage(row: MessageRow): ChatMessage {
  return {
    role: row.role,
    content: row.content,
    ...(row.toolCalls?.length ? { toolCalls: row.toolCalls } : {}),
    ...(row.toolCallId ? { toolCallId: row.toolCallId } : {}),
  };
}

export function toMessageDto(row: MessageRow): MessageDto {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    toolCalls: row.toolCalls,
    toolCallId: row.toolCallId,
    parentId: row.parentId,
    model: row.model,
    status: row.status,
    usage: row.usage,
    createdAt: row.createdAt.toISOString(),
  };
}
