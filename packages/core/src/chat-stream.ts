import type { ErrorBody } from './app-error';

/** Token accounting of one model call. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** prompt tokens served from the provider's cache, when it says so */
  cachedInputTokens?: number;
  reasoningTokens?: number;
}

export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool-calls'
  | 'content-filter'
  | 'error'
  | 'cancelled'
  | 'other';

/**
 * Every stream in Qiao is a typed union of parts (the Vercel AI SDK's idea): the gateway
 * emits them, guards transform them, and the REST SSE and /v1 layers serialize them.
 */
export type ChatStreamPart =
  | { type: 'start'; model: string; requestId: string }
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'tool-call-delta'; index: number; id: string; name: string; argumentsDelta: string }
  | { type: 'tool-call'; index: number; id: string; name: string; arguments: string }
  | { type: 'usage'; usage: Usage; costUsd?: number }
  | { type: 'finish'; reason: FinishReason }
  | { type: 'error'; error: ErrorBody };

export type ChatStreamPartType = ChatStreamPart['type'];
