import type { AgentSpec } from '@qiao/core';
import { resolveChatModel } from '../chat/resolve-chat-model';
import type { ChatRequest } from '../gateway/gateway';
import type { AppDeps } from '../http/app-env';

const prefix = 'agent/';

export const isAgentModel = (model: string) => model.startsWith(prefix);

/** The agent's slug in an `agent/<slug>` model id. */
export const agentSlugOf = (model: string) => model.slice(prefix.length);

/**
 * The agent's persona goes first, its model and parameters apply unless the request sets
 * them. The caller's own system messages follow the persona, so an app can add context but
 * the agent stays itself.
 */
export async function applyAgent<T extends Omit<ChatRequest, 'source' | 'signal'>>(
  deps: AppDeps,
  spec: AgentSpec,
  request: T,
): Promise<T> {
  return {
    ...request,
    model: await resolveChatModel(deps, spec.model),
    messages: spec.persona
      ? [{ role: 'system', content: spec.persona }, ...request.messages]
      : request.messages,
    temperature: request.temperature ?? spec.params.temperature,
    topP: request.topP ?? spec.params.topP,
    maxTokens: request.maxTokens ?? spec.params.maxTokens,
  };
}
