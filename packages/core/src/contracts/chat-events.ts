import type { ErrorCode } from '../app-error';
import type { FinishReason } from '../chat-stream';
import type { KnowledgeSource } from './knowledge-api';

/**
 * Server-sent events of POST /api/conversations/:id/messages (and /regenerate, /edit).
 * Each arrives as `event: <name>` with `data: <JSON of the payload>`, in this order:
 * start, then any of delta / reasoning / tool_call / tool_result / usage, then an optional
 * title, then exactly one of done or error.
 * After `error` nothing of the turn is stored; after `done` both messages are.
 */
export interface ChatEventMap {
  start: { conversationId: string; userMessageId: string; assistantMessageId: string; model: string };
  delta: { text: string };
  reasoning: { text: string };
  tool_call: { id: string; name: string; arguments: string };
  /** a server-run tool answered the call `id` (tool messages are stored with the turn) */
  tool_result: {
    id: string;
    name: string;
    ok: boolean;
    /** the result as the model read it, or a readable note of what went wrong */
    content: string;
    sources: { url: string; title?: string }[];
    durationMs: number;
  };
  usage: { inputTokens: number; outputTokens: number; totalTokens: number; costUsd: number | null };
  /** knowledge-base passages the answer may cite as [n] (right after start; docs/knowledge-bases.md) */
  sources: { sources: KnowledgeSource[] };
  /** the conversation's generated title, after the first exchange (just before done) */
  title: { title: string };
  /** finishReason 'cancelled' means stopped by the user: the partial answer is stored as `stopped` */
  done: { messageId: string; finishReason: FinishReason };
  error: { code: ErrorCode; message: string };
}

export type ChatEventName = keyof ChatEventMap;

export type ChatEvent = { [K in ChatEventName]: { event: K; data: ChatEventMap[K] } }[ChatEventName];

export const chatEventNames = [
  'start',
  'delta',
  'reasoning',
  'tool_call',
  'tool_result',
  'usage',
  'sources',
  'title',
  'done',
  'error',
] as const satisfies readonly ChatEventName[];
