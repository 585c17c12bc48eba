import type { AgentSpec } from '@qiao/core';
import type { ChatRequest } from '../gateway/gateway';

/** An agent's sampling parameters as gateway request fields (only the ones it sets). */
export function agentParams(
  agent: AgentSpec | undefined,
): Pick<ChatRequest, 'temperature' | 'topP' | 'maxTokens'> {
  const params = agent?.params ?? {};
  return {
    ...(params.temperature === undefined ? {} : { temperature: params.temperature }),
    ...(params.topP === undefined ? {} : { topP: params.topP }),
    ...(params.maxTokens === undefined ? {} : { maxTokens: params.maxTokens }),
  };
}
