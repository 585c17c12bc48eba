import type { AgentDto } from '@qiao/core';
import type { agents } from '../db/schema';
import type { AuthContext } from '../http/app-env';
import { canEditAgent } from './agent-access';
import { agentAvatarUrl } from './agent-avatar-file';
import { type BuiltinAgent, builtinAgentSpec } from './builtin';

export type AgentRow = typeof agents.$inferSelect;

export function toAgentDto(row: AgentRow, auth: AuthContext): AgentDto {
  return {
    ...row.spec,
    id: row.id,
    slug: row.slug,
    ownerId: row.ownerId,
    builtIn: false,
    version: row.version,
    editable: canEditAgent(auth, row),
    avatarUrl: agentAvatarUrl(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Built-in agents have stable ids so conversations can point at them. */
export const builtinAgentId = (slug: string) => `builtin:${slug}`;

const shipped = new Date('2026-11-29T00:00:00Z').toISOString();

export function builtinAgentDto(agent: BuiltinAgent, lang: 'zh-CN' | 'en'): AgentDto {
  return {
    ...builtinAgentSpec(agent, lang),
    id: builtinAgentId(agent.slug),
    slug: agent.slug,
    ownerId: null,
    builtIn: true,
    version: 1,
    editable: false,
    avatarUrl: null,
    createdAt: shipped,
    updatedAt: shipped,
  };
}
