import type { ChatMessage } from './chat-message';
import { estimateMessageTokens, replyPrimingTokens } from './token-estimate';

export interface ContextPlanInput {
  messages: readonly ChatMessage[];
  /** the model's context window in tokens */
  contextWindow: number;
  /** tokens kept free for the answer */
  reserveTokens: number;
}

export interface ContextPlan {
  /** what to send: the leading system messages and the newest turns that fit */
  messages: ChatMessage[];
  /**
   * Oldest turns left out, in order. This is the seam for summarising: a caller may condense
   * them into one system note and plan again with that note in front.
   */
  dropped: ChatMessage[];
  /** estimated prompt tokens of `messages` */
  estimatedTokens: number;
  /** contextWindow - reserveTokens */
  budget: number;
  /** false when even the system prompt and the newest turn exceed the budget */
  fits: boolean;
}

/**
 * Keeps the leading system messages and as many of the newest turns as fit. A turn starts at
 * a user message and carries the assistant answers and tool results after it, so a tool call
 * is never separated from its result. The newest turn is always kept (fits says if it fits).
 */
export function planContext(input: ContextPlanInput): ContextPlan {
  const budget = Math.max(0, input.contextWindow - input.reserveTokens);
  const { system, turns } = splitTurns(input.messages);
  let used = replyPrimingTokens + sum(system);
  const kept: ChatMessage[][] = [];
  let index = turns.length - 1;
  for (; index >= 0; index--) {
    const turn = turns[index]!;
    const cost = sum(turn);
    if (kept.length > 0 && used + cost > budget) break;
    kept.unshift(turn);
    used += cost;
  }
  return {
    messages: [...system, ...kept.flat()],
    dropped: turns.slice(0, index + 1).flat(),
    estimatedTokens: used,
    budget,
    fits: used <= budget,
  };
}

function splitTurns(messages: readonly ChatMessage[]): { system: ChatMessage[]; turns: ChatMessage[][] } {
  let start = 0;
  while (start < messages.length && messages[start]!.role === 'system') start++;
  const turns: ChatMessage[][] = [];
  for (const message of messages.slice(start)) {
    const current = turns[turns.length - 1];
    if (message.role === 'user' || current === undefined) turns.push([message]);
    else current.push(message);
  }
  return { system: messages.slice(0, start), turns };
}

function sum(messages: readonly ChatMessage[]): number {
  let total = 0;
  for (const message of messages) total += estimateMessageTokens(message);
  return total;
}
