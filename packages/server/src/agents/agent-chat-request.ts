import { resolveChatModel } from '../chat/resolve-chat-model';
import type { ChatRequest } from '../gateway/gateway';
import type { AppDeps, AuthContext } from '../http/app-env';
import { resolveAgent } from './resolve-agent';

const prefix = 'agent/';

export const isAgentModel = (model: string) => model.startsWith(prefix);

/**
 * `agent/<slug>` as a model id: the agent's persona goes first, its model and parameters
 * apply unless the request sets them. The caller's own system messages follow the persona,
 * so an app can add context but the agent stays itself.
 */
export async function withAgent<T extends Omit<ChatRequest, 'source' | 'signal'>>(
  deps: AppDeps,
  auth: AuthContext,
  request: T,
): Promise<T> {
  if (!isAgentModel(request.model)) return request;
  const agent = await resolveAgent(deps.database.db, auth, request.model.slice(prefix.length));
  const { spec } = agent;
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
