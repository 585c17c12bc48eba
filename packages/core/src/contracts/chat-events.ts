import type { ErrorCode } from '../app-error';
import type { FinishReason } from '../chat-stream';

/**
 * Server-sent events of POST /api/conversations/:id/messages (and /regenerate, /edit).
 * Each arrives as `event: <name>` with `data: <JSON of the payload>`, in this order:
 * start, then any of delta / reasoning / tool_call / usage, then exactly one of done or error.
 * After `error` nothing of the turn is stored; after `done` both messages are.
 */
export interface ChatEventMap {
  start: { conversationId: string; userMessageId: string; assistantMessageId: string; model: string };
  delta: { text: string };
  reasoning: { text: string };
  tool_call: { id: string; name: string; arguments: string };
  usage: { inputTokens: number; outputTokens: number; totalTokens: number; costUsd: number | null };
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
  'usage',
  'done',
  'error',
] as const satisfies readonly ChatEventName[];
