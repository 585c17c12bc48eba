import type { ChatMessage, ChatStreamPart, InjectionAction, KnowledgeSource } from '@qiao/core';
import type { AppDeps } from '../http/app-env';
import { retrievePassages } from './knowledge-passages';
import { knowledgePrompt } from './knowledge-prompt';
import { fixedAnswerStream, retrievalQuery } from './knowledge-turn';

export interface AgentKnowledge {
  /** the passages as a system message for this question */
  messages: ChatMessage[];
  /** the knowledge bases have nothing on it and say so (their "not found" setting) */
  answer?: AsyncIterable<ChatStreamPart>;
  /** the numbered passages the answer may cite; absent when the agent has no knowledge base */
  sources?: KnowledgeSource[];
}

/** An agent's knowledge for one OpenAI-style call: the same retrieval and rules as a chat turn. */
export async function agentKnowledge(
  deps: AppDeps,
  input: {
    userId: string;
    kbIds: readonly string[];
    messages: ChatMessage[];
    model: string;
    signal?: AbortSignal;
    injection?: InjectionAction;
  },
): Promise<AgentKnowledge> {
  const query = input.kbIds.length > 0 ? retrievalQuery(input.messages) : '';
  if (!query) return { messages: [] };
  const { sources, settings } = await retrievePassages(deps, { ...input, query, source: 'v1' });
  if (sources.length > 0)
    return { messages: [{ role: 'system', content: knowledgePrompt(sources) }], sources };
  if (settings.notFound !== 'say-not-found') return { messages: [], sources };
  return {
    messages: [],
    sources,
    answer: fixedAnswerStream({ text: settings.notFoundMessage, model: input.model }),
  };
}
