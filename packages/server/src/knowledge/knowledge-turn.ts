import { randomUUID } from 'node:crypto';
import {
  AppError,
  type ChatEvent,
  type ChatMessage,
  type ChatStreamPart,
  type InjectionAction,
  type KnowledgeSource,
} from '@qiao/core';
import type { TurnRequest } from '../chat/prepare-turn';
import { resolveChatModel } from '../chat/resolve-chat-model';
import { streamTurn, type TurnEvents } from '../chat/stream-turn';
import type { AppDeps } from '../http/app-env';
import { boundKnowledgeBaseIds } from './binding-store';
import { retrievePassages } from './knowledge-passages';
import { knowledgePrompt, retrievalAnswer } from './knowledge-prompt';
import { saveMessageSources } from './message-sources-store';
import { rewriteQuery } from './rewrite-query';

export interface KnowledgeTurn {
  /** the passages as a system message, placed right before the question */
  messages: ChatMessage[];
  /** the whole answer when it needs no model: nothing found (say so), or retrieval mode */
  events?: TurnEvents;
  /** adds the `sources` event after `start` */
  wrap(events: TurnEvents): TurnEvents;
}

export interface KnowledgeTurnInput {
  request: TurnRequest;
  history: ChatMessage[];
  user?: { id: string; content: string; createdAt: Date };
  parentId: string;
  replaceFrom?: Date;
  /** the agent's injection policy: under `block` a passage hiding orders is dropped */
  injection?: InjectionAction;
}

const none: KnowledgeTurn = { messages: [], wrap: (events) => events };

/**
 * Retrieval for a chat turn of a conversation bound to knowledge bases: the passages that
 * pass the threshold, within the token budget, numbered for citation. With nothing found it
 * answers the configured "not found" text instead of letting the model guess; with no chat
 * model configured it answers with the passages themselves (retrieval mode).
 */
export async function knowledgeTurn(deps: AppDeps, input: KnowledgeTurnInput): Promise<KnowledgeTurn> {
  const { request } = input;
  const kbIds = await boundKnowledgeBaseIds(deps.database.db, request.conversation.id);
  if (kbIds.length === 0) return none;
  const thread = [
    ...input.history,
    ...(input.user ? [{ role: 'user' as const, content: input.user.content }] : []),
  ];
  const fallback = retrievalQuery(thread);
  if (!fallback) return none;
  const model = await resolveChatModel(deps, request.model, request.conversation.model).catch(
    (error: unknown) => {
      // "no chat model is configured" is retrieval mode, any other failure is the route's
      if (AppError.is(error) && error.code === 'bad_request') return undefined;
      throw error;
    },
  );
  // a follow-up ("那它的价格呢？") is searched as the standalone question the model makes of it
  const query = model
    ? await rewriteQuery(deps, {
        model,
        thread,
        userId: request.auth.userId,
        fallback,
        signal: request.signal,
      })
    : fallback;
  const result = await retrievePassages(deps, {
    userId: request.auth.userId,
    kbIds,
    query,
    signal: request.signal,
    injection: input.injection,
    source: 'chat',
  });
  const { sources } = result;
  const wrap = (events: TurnEvents) => withSources(deps, events, sources);
  const fixed = (text: string, answeredBy: string) =>
    wrap(
      streamTurn({
        deps,
        stream: fixedAnswerStream({ text, model: answeredBy }),
        record: { conversationId: request.conversation.id, user: input.user, replaceFrom: input.replaceFrom },
        parentId: input.parentId,
        model: answeredBy,
        signal: request.signal,
        onSettled: request.onSettled,
      }),
    );
  if (!model) {
    const text = sources.length > 0 ? retrievalAnswer(sources) : result.settings.notFoundMessage;
    return { messages: [], events: fixed(text, 'knowledge/retrieval'), wrap };
  }
  if (sources.length === 0 && result.settings.notFound === 'say-not-found') {
    return { messages: [], events: fixed(result.settings.notFoundMessage, model), wrap };
  }
  if (sources.length === 0) return none;
  return { messages: [{ role: 'system', content: knowledgePrompt(sources) }], wrap };
}

/**
 * The question to search for without a model (and when its rewrite fails): the last user
 * message, with the one before it when it is a short follow-up ("那价格呢？").
 */
export function retrievalQuery(thread: readonly ChatMessage[]): string {
  const users = thread.filter((m) => m.role === 'user').map((m) => textOf(m.content));
  const last = users.at(-1)?.trim() ?? '';
  const previous = users.at(-2)?.trim();
  const query = last.length < 16 && previous ? `${previous}\n${last}` : last;
  return query.slice(-2_000);
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
}

/** Adds the `sources` event after `start`, and keeps them with the answer once it is stored. */
async function* withSources(deps: AppDeps, events: TurnEvents, sources: KnowledgeSource[]): TurnEvents {
  let sent = false;
  for await (const event of events) {
    if (event.event === 'done' && sources.length > 0) {
      // the answer row exists by now; losing its sources must not lose the answer
      await saveMessageSources(deps.database.db, event.data.messageId, sources).catch(() => {});
    }
    yield event;
    if (!sent && event.event === 'start') {
      sent = true;
      yield { event: 'sources', data: { sources } } satisfies ChatEvent;
    }
  }
}

/** A model-less answer as a stream, so it is stored and streamed like any other. */
export async function* fixedAnswerStream(answer: {
  text: string;
  model: string;
}): AsyncIterable<ChatStreamPart> {
  yield { type: 'start', model: answer.model, requestId: randomUUID() };
  yield { type: 'text-delta', text: answer.text };
  yield { type: 'usage', usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 } };
  yield { type: 'finish', reason: 'stop' };
}
