import type { ChatMessage } from '@qiao/core';
import type { GuardContext } from './chat-guard';

/**
 * Which input messages the caller wrote and moderation must read. On /v1 and the CLI every
 * role is the caller's (system prompts, assistant turns and their tool calls, tool results).
 * In REST chat the caller writes the user turns and, through the conversation's system prompt
 * or an agent's persona, the system messages that open the thread; the history's answers and
 * tool results are Qiao's own (moderated when they were produced) and knowledge passages
 * come later in the thread as documents, not as the caller's words.
 */
export function callerWrote(messages: readonly ChatMessage[], ctx: GuardContext): (index: number) => boolean {
  if (ctx.source === 'v1' || ctx.source === 'cli') return () => true;
  const leading = messages.findIndex((m) => m.role !== 'system');
  return (index) => {
    const role = messages[index]!.role;
    return (
      role === 'user' || (ctx.source === 'chat' && role === 'system' && (leading === -1 || index < leading))
    );
  };
}
