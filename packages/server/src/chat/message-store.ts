import {
  AppError,
  type ChatMessage,
  type FeedbackDto,
  type FileDto,
  type MessageDto,
  messageText,
  type ToolCall,
  type Usage,
} from '@qiao/core';
import { and, asc, eq, gte, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, messageAttachments, messages } from '../db/schema';
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

export interface UserMessageRecord {
  id: string;
  content: string;
  createdAt: Date;
  attachments?: string[];
}

export interface TurnRecord {
  conversationId: string;
  /**
   * absent when regenerating: the answer then joins an existing user message. It may be
   * stored already (storeUserMessage, when the turn started); it is then kept as it is.
   */
  user?: UserMessageRecord;
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
  /** tool rounds of the answer (assistant tool calls, tool results), stored just before it */
  steps?: ChatMessage[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Stores the user's message as the turn starts, before any model is called, so a crash
 * mid-answer never loses what the user typed. The turn's end keeps it (saveTurn) or, when
 * the answer failed cleanly, takes it back (discardTurn).
 */
export async function storeUserMessage(
  db: Db,
  conversationId: string,
  user: UserMessageRecord,
): Promise<void> {
  await db.transaction((tx) => insertUserMessage(tx, conversationId, user));
}

/** Takes back what a failed turn had stored (its user message and partial answer). */
export async function discardTurn(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.delete(messages).where(inArray(messages.id, [...ids]));
}

async function insertUserMessage(tx: Tx, conversationId: string, user: UserMessageRecord): Promise<void> {
  const inserted = await tx
    .insert(messages)
    .values({
      id: user.id,
      conversationId,
      role: 'user',
      content: user.content,
      plainText: user.content,
      createdAt: user.createdAt,
    })
    .onConflictDoNothing({ target: messages.id })
    .returning({ id: messages.id });
  const attachments = user.attachments ?? [];
  if (inserted.length > 0 && attachments.length > 0) {
    await tx
      .insert(messageAttachments)
      .values(attachments.map((fileId, position) => ({ messageId: user.id, fileId, position })));
  }
}

/**
 * Writes the rest of the turn at once, so a failed answer never leaves half a turn behind.
 * The answer replaces its own partial row (see partial-answer.ts), if one was written.
 */
export async function saveTurn(db: Db, turn: TurnRecord): Promise<void> {
  const userCreatedAt = turn.user?.createdAt.getTime() ?? 0;
  const stepsAt = Math.max(Date.now(), userCreatedAt + 1);
  const steps = turn.steps ?? [];
  const assistantCreatedAt = new Date(stepsAt + steps.length);
  const own = [turn.assistant.id, ...(turn.user ? [turn.user.id] : [])];
  await db.transaction(async (tx) => {
    if (turn.replaceFrom) {
      await tx
        .delete(messages)
        .where(
          and(
            eq(messages.conversationId, turn.conversationId),
            gte(messages.createdAt, turn.replaceFrom),
            notInArray(messages.id, own),
          ),
        );
    }
    if (turn.user) await insertUserMessage(tx, turn.conversationId, turn.user);
    if (steps.length > 0) {
      await tx.insert(messages).values(
        steps.map((step, i) => ({
          conversationId: turn.conversationId,
          role: step.role,
          content: step.content,
          toolCalls: step.toolCalls ?? null,
          toolCallId: step.toolCallId ?? null,
          parentId: turn.assistant.id,
          model: turn.assistant.model,
          createdAt: new Date(stepsAt + i),
        })),
      );
    }
    const answer = {
      ...turn.assistant,
      plainText: turn.assistant.content,
      conversationId: turn.conversationId,
      role: 'assistant' as const,
      createdAt: assistantCreatedAt,
    };
    const { id: _id, ...update } = answer;
    await tx.insert(messages).values(answer).onConflictDoUpdate({ target: messages.id, set: update });
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
 * answer (preceded by its tool rounds), and without answers that were stopped or interrupted
 * before they said anything.
 */
export function toThread(rows: readonly MessageRow[]): ChatMessage[] {
  // answers point at their user message, tool-round rows at their answer
  const children = new Map<string, MessageRow[]>();
  for (const row of rows) {
    if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  }
  const thread: ChatMessage[] = [];
  for (const row of rows) {
    if (row.parentId) continue;
    thread.push(toChatMessage(row));
    // an answer still being written (by another process) is not part of the thread yet
    const answer = children
      .get(row.id)
      ?.findLast((child) => child.role === 'assistant' && child.status !== 'streaming');
    if (!answer) continue;
    thread.push(...(children.get(answer.id) ?? []).map(toChatMessage));
    if (messageText(answer).length > 0 || answer.toolCalls?.length) thread.push(toChatMessage(answer));
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

export interface MessageExtras {
  feedback?: FeedbackDto | null;
  attachments?: FileDto[];
}

export function toMessageDto(row: MessageRow, extras: MessageExtras = {}): MessageDto {
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
    feedback: extras.feedback ?? null,
    ...(extras.attachments?.length ? { attachments: extras.attachments } : {}),
  };
}
