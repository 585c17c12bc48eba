import { randomUUID } from 'node:crypto';
import { AppError, type ChatMessage, planContext, type UiLanguage } from '@qiao/core';
import { agentParams } from '../agents/agent-params';
import { resolveAgent } from '../agents/resolve-agent';
import { turnAttachments } from '../files/turn-attachments';
import type { AppDeps, AuthContext } from '../http/app-env';
import { knowledgeTurn } from '../knowledge/knowledge-turn';
import { openGuardedStream } from '../safety/guarded-stream';
import { prepareTooling, type StepRequest } from '../tools/loop/prepare-tooling';
import type { ConversationRow } from './conversation-store';
import {
  discardTurn,
  listMessages,
  type MessageRow,
  storeUserMessage,
  type TurnRecord,
  toThread,
  type UserMessageRecord,
} from './message-store';
import { resolveChatModel } from './resolve-chat-model';
import { streamTurn, type TurnEvents } from './stream-turn';

export type TurnMode =
  | { kind: 'send'; content: string }
  /** edit and resend: replaces the user message `messageId` and everything after it */
  | { kind: 'edit'; content: string; messageId: string }
  /** a new version of an answer (default: the last one), kept beside the old ones */
  | { kind: 'regenerate'; messageId?: string };

export interface TurnRequest {
  auth: AuthContext;
  conversation: ConversationRow;
  mode: TurnMode;
  model?: string;
  /** file ids sent with a new or edited message */
  attachments?: string[];
  signal: AbortSignal;
  /** the language a built-in agent speaks (see agents/request-language.ts) */
  lang?: UiLanguage;
  /** the turn is stored or has failed */
  onSettled: () => void;
}

/** Answers beyond this are cut by the model anyway; the rest of the window is for the prompt. */
const maxAnswerReserve = 4096;

/**
 * Everything that can fail before the answer starts (unknown model, a refusing input guard,
 * a prompt too long) fails here, so the route can still answer with a plain HTTP error.
 */
export async function prepareTurn(deps: AppDeps, request: TurnRequest): Promise<TurnEvents> {
  const { conversation, mode } = request;
  const attached = await turnAttachments(
    deps,
    request,
    await listMessages(deps.database.db, conversation.id),
  );
  const rows = attached.rows;
  const plan = planTurn(rows, mode);
  const user = plan.user && { ...plan.user, attachments: attached.ids };
  // Kept before anything slow or fallible runs (retrieval, tools, the model): a crash from
  // here on leaves the question in the conversation. A turn that fails takes it back.
  if (user) await storeUserMessage(deps.database.db, conversation.id, user);
  try {
    return await continueTurn(deps, request, { ...plan, user }, attached.content);
  } catch (error) {
    if (user) await discardTurn(deps.database.db, [user.id]).catch(() => {});
    throw error;
  }
}

async function continueTurn(
  deps: AppDeps,
  request: TurnRequest,
  { history, user, parentId, replaceFrom }: TurnPlan,
  withAttachments: (question: string) => ChatMessage['content'],
): Promise<TurnEvents> {
  const { conversation } = request;
  // knowledge bases bound to the conversation: passages, citations, or a model-less answer
  const agent = conversation.agentId
    ? (await resolveAgent(deps.database.db, request.auth, conversation.agentId, request.lang)).spec
    : undefined;
  // the agent's injection policy also decides what a passage hiding orders does
  const injection = agent?.safety?.injection;
  const knowledge = await knowledgeTurn(deps, { request, history, user, parentId, replaceFrom, injection });
  if (knowledge.events) return knowledge.events;
  const model = await resolveChatModel(deps, request.model, conversation.model, agent?.model);

  const thread: ChatMessage[] = [
    ...history,
    ...knowledge.messages,
    ...(user ? [{ role: 'user' as const, content: withAttachments(user.content) }] : []),
  ];
  if (conversation.systemPrompt) thread.unshift({ role: 'system', content: conversation.systemPrompt });
  if (agent?.persona) thread.unshift({ role: 'system', content: agent.persona });
  const contextWindow = await deps.gateway.contextWindow(model);
  const context = planContext({
    messages: thread,
    contextWindow,
    reserveTokens: Math.min(maxAnswerReserve, Math.floor(contextWindow / 4)),
  });
  // Summarising context.dropped into a system note would slot in here, before the stream opens.
  if (!context.fits) {
    throw new AppError(
      'bad_request',
      `The message is too long for ${model} (about ${context.estimatedTokens} tokens)`,
    );
  }

  const open = (step: StepRequest) =>
    openGuardedStream(
      deps.gateway,
      deps.guards,
      {
        model,
        ...agentParams(agent),
        ...step,
        source: 'chat',
        userId: request.auth.userId,
        signal: request.signal,
      },
      { conversationId: conversation.id, policy: agent?.safety },
    );
  const tooling = await prepareTooling(deps, {
    model,
    messages: context.messages,
    signal: request.signal,
    open,
    // an agent uses the tools it lists; the default assistant all of them
    allowTools: agent?.tools,
    origin: { source: 'chat', userId: request.auth.userId },
  });
  const stream = await open(tooling.first);
  const record: Omit<TurnRecord, 'assistant'> = {
    conversationId: conversation.id,
    user,
    replaceFrom,
  };
  return knowledge.wrap(
    streamTurn({
      deps,
      stream,
      record,
      parentId,
      model,
      signal: request.signal,
      onSettled: request.onSettled,
      tools: { ...tooling, open },
    }),
  );
}

interface TurnPlan {
  history: ChatMessage[];
  user?: UserMessageRecord;
  parentId: string;
  replaceFrom?: Date;
}

function planTurn(rows: MessageRow[], mode: TurnMode): TurnPlan {
  if (mode.kind === 'send') {
    const user = { id: randomUUID(), content: mode.content, createdAt: new Date() };
    return { history: toThread(rows), user, parentId: user.id };
  }
  if (mode.kind === 'edit') {
    const index = rows.findIndex((row) => row.id === mode.messageId && row.role === 'user');
    if (index < 0) throw new AppError('not_found', 'User message not found');
    const user = { id: randomUUID(), content: mode.content, createdAt: new Date() };
    return {
      history: toThread(rows.slice(0, index)),
      user,
      parentId: user.id,
      replaceFrom: rows[index]!.createdAt,
    };
  }
  const answer = mode.messageId
    ? rows.find((row) => row.id === mode.messageId && row.role === 'assistant')
    : rows.findLast((row) => row.role === 'assistant' && row.parentId !== null);
  if (!answer)
    throw new AppError(mode.messageId ? 'not_found' : 'bad_request', 'There is no answer to regenerate');
  const parentIndex = rows.findIndex((row) => row.id === answer.parentId);
  if (parentIndex < 0) throw new AppError('bad_request', 'This answer has no question to answer again');
  // Answers to the parent come after it, so the slice leaves every earlier version out.
  return { history: toThread(rows.slice(0, parentIndex + 1)), parentId: rows[parentIndex]!.id };
}
