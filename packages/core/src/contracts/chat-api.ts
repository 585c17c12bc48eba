import { z } from 'zod';
import type { ContentPart, ToolCall } from '../chat-message';
import type { Usage } from '../chat-stream';
import type { FeedbackDto } from './feedback-api';
import type { FileDto } from './file-api';

/** Request bodies and replies of the REST chat API under /api/conversations. */

const title = z.string().trim().max(200);
const model = z.string().trim().min(1).max(200);
const systemPrompt = z.string().max(100_000);

export const createConversationBody = z.strictObject({
  /** an agent's id or slug (`builtin:<slug>` or the slug for a plaza agent): its persona, model, tools and knowledge apply */
  agentId: z.string().trim().min(1).max(100).optional(),
  title: title.optional(),
  model: model.optional(),
  systemPrompt: systemPrompt.optional(),
});
export type CreateConversationBody = z.infer<typeof createConversationBody>;

export const updateConversationBody = z
  .strictObject({
    title: title.optional(),
    model: model.nullable().optional(),
    systemPrompt: systemPrompt.nullable().optional(),
    pinned: z.boolean().optional(),
    /** move into a topic; null takes it out */
    topicId: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change: send at least one field');
export type UpdateConversationBody = z.infer<typeof updateConversationBody>;

export const listConversationsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page */
  cursor: z.string().max(200).optional(),
  /** only the conversations of this topic */
  topicId: z.string().min(1).max(100).optional(),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;

export const sendMessageBody = z.strictObject({
  content: z.string().min(1, 'must not be empty').max(200_000),
  model: model.optional(),
  /** ids from POST /api/files: documents become context, images image parts (vision models only) */
  attachments: z.array(z.string().min(1).max(100)).max(10).optional(),
});
export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const regenerateBody = z.strictObject({
  /** the assistant message to answer again; defaults to the last one */
  messageId: z.string().min(1).optional(),
  model: model.optional(),
});
export type RegenerateBody = z.infer<typeof regenerateBody>;

/** Edit and resend: the user message and everything after it are replaced when the answer is saved. */
export const editMessageBody = sendMessageBody;
export type EditMessageBody = SendMessageBody;

export interface ConversationDto {
  id: string;
  title: string;
  model: string | null;
  systemPrompt: string | null;
  /** the agent this conversation talks to, if any */
  agentId: string | null;
  createdAt: string;
  updatedAt: string;
  pinned: boolean;
  topicId: string | null;
  /** with `?q=`: the text around the hit when it matched a message rather than the title */
  snippet?: string;
}

export interface ConversationPage {
  conversations: ConversationDto[];
  nextCursor: string | null;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | ContentPart[];
  reasoning: string | null;
  toolCalls: ToolCall[] | null;
  toolCallId: string | null;
  /** assistant answers point at the user message they answer; several = versions (regenerate) */
  parentId: string | null;
  model: string | null;
  /**
   * `stopped` by the user; `streaming` while being written (kept every second or so);
   * `interrupted` when the server died mid-answer: what it had, to read or regenerate
   */
  status: 'complete' | 'stopped' | 'streaming' | 'interrupted';
  usage: Usage | null;
  createdAt: string;
  /** the signed-in user's rating of an assistant answer; null when none */
  feedback: FeedbackDto | null;
  /** files sent with a user message */
  attachments?: FileDto[];
}
