import type { ChatMessage, ChatStreamPart, SafetyPolicy } from '@qiao/core';
import type { RequestOrigin } from '../gateway/gateway';

/** What a guard may want to know about the call it protects. */
export interface GuardContext extends RequestOrigin {
  /**
   * the model id as requested (alias, chain or provider/model); an input guard may set it to
   * another model to reroute the call (the PII guard's `local` policy)
   */
  model: string;
  conversationId?: string;
  /** the agent's safety policy; absent for plain chats and /v1 model calls (the defaults) */
  policy?: SafetyPolicy;
  /** aborted when the caller goes away */
  signal?: AbortSignal;
}

/**
 * A hook around every model call, for the chat service and /v1 alike: moderation, PII
 * redaction, injection defences and content labels plug in here rather than into routes.
 *
 * Guards run as an onion: `checkInput` in list order, `transformOutput` in reverse order, so
 * the first guard sees the raw input first and the final output last (a PII guard that
 * redacts the input is also the one that restores the answer).
 */
export interface ChatGuard {
  name: string;
  /** May return transformed messages; throws AppError('content_blocked') to refuse. */
  checkInput?(messages: ChatMessage[], ctx: GuardContext): Promise<ChatMessage[]>;
  /**
   * May rewrite, drop or add parts. To stop the answer, yield a `finish` part with reason
   * 'content-filter' (or an `error` part) and return. Throwing becomes an `error` part.
   */
  transformOutput?(stream: AsyncIterable<ChatStreamPart>, ctx: GuardContext): AsyncIterable<ChatStreamPart>;
}
