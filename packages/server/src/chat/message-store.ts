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
import { and, asc, eq, gte, sql } from 'drizzle-orm';
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

export interface TurnRecord {
  conversationId: string;
  /** absent when regenerating: the answer then joins an existing user message */
  user?: { id: string; content: string; createdAt: Date; attachments?: string[] };
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

/** Writes the whole turn at once, so a failed answer never leaves half a turn behind. */
export async function saveTurn(db: Db, turn: TurnRecord): Promise<void> {
  const userCreatedAt = turn.user?.createdAt.getTime() ?? 0;
  const stepsAt = Math.max(Date.now(), userCreatedAt + 1);
  const steps = turn.steps ?? [];
  const assistantCreatedAt = new Date(stepsAt + steps.length);
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
        plainText: turn.user.content,
        createdAt: turn.user.createdAt,
      });
      const attachments = turn.user.attachments ?? [];
      if (attachments.length > 0) {
        await tx
          .insert(messageAttachments)
          .values(attachments.map((fileId, position) => ({ messageId: turn.user!.id, fileId, position })));
      }
    }
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
    await tx.insert(messages).values({
      ...turn.assistant,
      plainText: turn.assistant.content,
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
 * answer (preceded by its tool rounds), and without answers that were stopped before they
 * said anything.
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
    const answer = children.get(row.id)?.findLast((child) => child.role === 'assistant');
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
