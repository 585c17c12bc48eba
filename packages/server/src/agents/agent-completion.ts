import type { ChatMessage, ChatStreamPart, KnowledgeSource, UiLanguage } from '@qiao/core';
import type { ChatRequest, RequestOrigin } from '../gateway/gateway';
import type { AppDeps, AuthContext } from '../http/app-env';
import { agentKnowledge } from '../knowledge/agent-knowledge';
import { openGuardedStream } from '../safety/guarded-stream';
import type { StepRequest } from '../tools/loop/prepare-tooling';
import { prepareTooling } from '../tools/loop/prepare-tooling';
import { toolLoopParts } from '../tools/loop/tool-loop-parts';
import { agentSlugOf, applyAgent } from './agent-chat-request';
import { resolveAgent } from './resolve-agent';

type V1Request = Omit<ChatRequest, 'source' | 'signal'>;

export interface AgentStream {
  parts: AsyncIterable<ChatStreamPart>;
  /**
   * the knowledge-base passages given to the model, numbered as the answer cites them: the
   * `sources` field of the completion (docs/api.md); absent for an agent without knowledge
   */
  sources?: KnowledgeSource[];
}

/**
 * `agent/<slug>` on /v1 as the whole agent, not only its persona: passages from its knowledge
 * bases go in before the question (or its "not found" answer comes back instead), and its
 * tools run on the server until the model answers. A caller that sends tools of its own
 * gets them instead of the agent's: the calls are then the caller's to run.
 */
export async function openAgentStream(
  deps: AppDeps,
  auth: AuthContext,
  request: V1Request,
  origin: RequestOrigin & { signal: AbortSignal },
  lang?: UiLanguage,
): Promise<AgentStream> {
  const { spec } = await resolveAgent(deps.database.db, auth, agentSlugOf(request.model), lang);
  const applied = await applyAgent(deps, spec, request);
  const knowledge = await agentKnowledge(deps, {
    userId: auth.userId,
    kbIds: spec.knowledgeBaseIds,
    messages: applied.messages,
    model: applied.model,
    signal: origin.signal,
    injection: spec.safety?.injection,
  });
  const { sources } = knowledge;
  if (knowledge.answer) return { parts: knowledge.answer, sources };
  const messages = beforeQuestion(applied.messages, knowledge.messages);
  const open = (step: StepRequest) =>
    openGuardedStream(deps.gateway, deps.guards, { ...applied, ...step, ...origin }, { policy: spec.safety });
  if (spec.tools.length === 0 || (request.tools?.length ?? 0) > 0)
    return { parts: await open({ messages }), sources };
  const tooling = await prepareTooling(deps, {
    model: applied.model,
    messages,
    signal: origin.signal,
    open,
    allowTools: spec.tools,
    origin,
  });
  return { parts: toolLoopParts({ ...tooling, open }, origin.signal), sources };
}

/** Context for this turn only goes right before the last user message. */
function beforeQuestion(messages: ChatMessage[], context: ChatMessage[]): ChatMessage[] {
  if (context.length === 0) return messages;
  const last = messages.findLastIndex((m) => m.role === 'user');
  if (last < 0) return [...messages, ...context];
  return [...messages.slice(0, last), ...context, ...messages.slice(last)];
}
