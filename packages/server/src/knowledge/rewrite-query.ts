import type { ChatMessage } from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { openGuardedStream } from '../safety/guarded-stream';

/** Retrieval waits for the rewrite, so it gets little time before the raw query is used. */
export const rewriteTimeoutMs = 4_000;
const maxTurns = 4;
const maxExcerptChars = 600;
const maxQueryChars = 500;

const instructions =
  'You rewrite follow-up questions for a document search. Given a conversation and its last ' +
  'question, reply with a standalone search query that means the same on its own (name what ' +
  '"it", "that", "它", "那个" refer to), in the language of the question. Reply with the query only.';

/**
 * A follow-up such as "那它的价格呢？" turned into a standalone query by one small call to the
 * turn's chat model, using the last turns. Skipped for a first question; any failure, a
 * timeout or an unusable reply gives `fallback` instead: a rewrite never fails a turn.
 */
export async function rewriteQuery(
  deps: Pick<AppDeps, 'gateway' | 'guards'>,
  input: {
    model: string;
    thread: readonly ChatMessage[];
    userId: string;
    fallback: string;
    signal?: AbortSignal;
    timeoutMs?: number;
  },
): Promise<string> {
  const turns = input.thread.filter((m) => m.role === 'user' || m.role === 'assistant');
  const question = turns.at(-1);
  if (question?.role !== 'user' || turns.length < 2) return input.fallback;
  const excerpt = (m: ChatMessage) => Array.from(textOf(m.content)).slice(0, maxExcerptChars).join('');
  const transcript = turns
    .slice(-maxTurns - 1, -1)
    .map((m) => `${m.role === 'user' ? 'User' : 'Assistant'}: ${excerpt(m)}`)
    .join('\n');
  const timeout = AbortSignal.timeout(input.timeoutMs ?? rewriteTimeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  let text = '';
  try {
    const stream = await openGuardedStream(deps.gateway, deps.guards, {
      model: input.model,
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: `Conversation:\n${transcript}\n\nFollow-up question: ${excerpt(question)}` },
      ],
      maxTokens: 96,
      temperature: 0,
      source: 'system',
      userId: input.userId,
      signal,
    });
    for await (const part of stream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') return input.fallback;
    }
  } catch {
    return input.fallback;
  }
  return cleanQuery(text) ?? input.fallback;
}

/** The query inside a model's reply: its first line without quotes or a "Query:" label. */
export function cleanQuery(reply: string): string | undefined {
  const line = reply
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  const query = line
    ?.replace(/^(standalone )?(search )?(query|查询|问题)\s*[:：]\s*/i, '')
    .replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '')
    .trim();
  return query && query.length <= maxQueryChars ? query : undefined;
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
}
