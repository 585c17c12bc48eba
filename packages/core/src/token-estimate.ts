import type { ChatMessage } from './chat-message';

/**
 * Cheap token estimates for planning prompts without a tokenizer per model. CJK text runs at
 * about one token per character in the common BPE vocabularies, other text at about four
 * characters per token. Estimates err slightly high so a planned prompt does not overflow.
 */
const cjk =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/gu;

/** Role markers and separators the chat templates add around every message. */
export const messageOverheadTokens = 4;
/** Priming of the assistant's reply that every request pays once. */
export const replyPrimingTokens = 3;
/** A high-detail image in OpenAI's accounting; other vendors are in the same range. */
export const imageTokens = 765;

export function estimateTextTokens(text: string): number {
  if (text.length === 0) return 0;
  const cjkCount = text.match(cjk)?.length ?? 0;
  const other = text.length - cjkCount;
  return cjkCount + Math.ceil(other / 4);
}

export function estimateMessageTokens(message: ChatMessage): number {
  let tokens = messageOverheadTokens;
  if (typeof message.content === 'string') tokens += estimateTextTokens(message.content);
  else
    for (const part of message.content)
      tokens += part.type === 'text' ? estimateTextTokens(part.text) : imageTokens;
  for (const call of message.toolCalls ?? []) {
    tokens += messageOverheadTokens + estimateTextTokens(call.name) + estimateTextTokens(call.arguments);
  }
  if (message.name) tokens += estimateTextTokens(message.name);
  return tokens;
}

export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
  let total = replyPrimingTokens;
  for (const message of messages) total += estimateMessageTokens(message);
  return total;
}
