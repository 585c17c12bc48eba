import type { AgentSpec } from '@qiao/core';
import type { BuiltinAgent } from './builtin-agent';
import { companionAgents } from './companion-agents';
import { learningAgents } from './learning-agents';
import { officeAgents } from './office-agents';
import { workAgents } from './work-agents';
import { writingAgents } from './writing-agents';

/** The curated plaza that ships with Qiao, in display order. */
export const builtinAgents: readonly BuiltinAgent[] = [
  ...writingAgents,
  ...officeAgents,
  ...learningAgents,
  ...workAgents,
  ...companionAgents,
];

export function findBuiltinAgent(slug: string): BuiltinAgent | undefined {
  return builtinAgents.find((agent) => agent.slug === slug);
}

export function builtinAgentSpec(agent: BuiltinAgent, lang: 'zh-CN' | 'en'): AgentSpec {
  const text = agent[lang];
  return {
    name: text.name,
    avatar: agent.avatar,
    description: text.description,
    category: agent.category,
    persona: text.persona,
    welcome: text.welcome,
    suggestions: text.suggestions,
    model: null,
    params: agent.temperature === undefined ? {} : { temperature: agent.temperature },
    tools: agent.tools,
    knowledgeBaseIds: [],
    visibility: 'plaza',
  };
}
