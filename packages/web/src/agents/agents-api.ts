import type {
  AgentDto,
  AgentExport,
  AgentSpec,
  AgentTeamsDto,
  AgentVersionDto,
  PlazaSubmissionDto,
} from '@qiao/core';
import { api } from '../lib/api';

/** The calls the agents and plaza pages make to /api/agents and /api/plaza. */
const path = (id: string) => `/api/agents/${encodeURIComponent(id)}`;

export const agentsApi = {
  list: () => api<{ agents: AgentDto[] }>('/api/agents').then((r) => r.agents),
  get: (id: string, lang: string) => api<AgentDto>(`${path(id)}?lang=${lang}`),
  create: (spec: AgentSpec) => api<AgentDto>('/api/agents', { body: spec }),
  update: (id: string, spec: AgentSpec) => api<AgentDto>(path(id), { method: 'PATCH', body: spec }),
  remove: (id: string) => api<void>(path(id), { method: 'DELETE' }),
  versions: (id: string) =>
    api<{ versions: AgentVersionDto[] }>(`${path(id)}/versions`).then((r) => r.versions),
  restore: (id: string, version: number) =>
    api<AgentDto>(`${path(id)}/versions/${version}/restore`, { method: 'POST' }),
  exportFile: (id: string, lang: string) => api<AgentExport>(`${path(id)}/export?lang=${lang}`),
  importFile: (file: unknown) => api<AgentDto>('/api/agents/import', { body: file }),
  draft: (idea: string, model: string | undefined, lang: string) =>
    api<{ draft: AgentSpec }>('/api/agents/draft', { body: { idea, model, lang } }).then((r) => r.draft),
  copy: (id: string, lang: string) => api<AgentDto>(`${path(id)}/copy?lang=${lang}`, { method: 'POST' }),
  submit: (id: string) => api<PlazaSubmissionDto>(`${path(id)}/submit`, { method: 'POST' }),
  plaza: (query: { q?: string; category?: string; lang: string }) => {
    const params = new URLSearchParams({ lang: query.lang });
    if (query.q) params.set('q', query.q);
    if (query.category) params.set('category', query.category);
    return api<{ categories: string[]; agents: AgentDto[] }>(`/api/plaza?${params}`);
  },
  submissions: () =>
    api<{ submissions: PlazaSubmissionDto[] }>('/api/plaza/submissions?status=pending').then(
      (r) => r.submissions,
    ),
  review: (id: string, decision: 'approve' | 'reject') =>
    api<PlazaSubmissionDto>(`/api/plaza/submissions/${encodeURIComponent(id)}/review`, {
      body: { decision },
    }),
};

/** The editable fields of an agent (what the form holds and PATCH/POST send). */
export function specOf(agent: AgentSpec): AgentSpec {
  const { name, avatar, description, category, persona, welcome, suggestions, model, params } = agent;
  const { tools, knowledgeBaseIds, visibility } = agent;
  return {
    name,
    avatar,
    description,
    category,
    persona,
    welcome,
    suggestions,
    model,
    params,
    tools,
    knowledgeBaseIds,
    visibility,
  };
}

export const blankSpec = (): AgentSpec => ({
  name: '',
  avatar: '🤖',
  description: '',
  category: 'other',
  persona: '',
  welcome: '',
  suggestions: [],
  model: null,
  params: {},
  tools: [],
  knowledgeBaseIds: [],
  visibility: 'private',
});

/** A new chat bound to the agent: the chat page reads `?agent=`. */
export const chatWithAgentPath = (id: string) => `/?agent=${encodeURIComponent(id)}`;

/** The teams a "team" agent is shared with (none: everyone signed in may use it). */
export const agentTeamsApi = {
  get: (id: string) => api<AgentTeamsDto>(`${path(id)}/teams`).then((r) => r.teams.map((team) => team.id)),
  set: (id: string, teamIds: string[]) =>
    api<AgentTeamsDto>(`${path(id)}/teams`, { method: 'PUT', body: { teamIds } }),
};
