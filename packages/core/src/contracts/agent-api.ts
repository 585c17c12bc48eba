import { z } from 'zod';
import { safetyPolicy } from '../safety/safety-policy';

/** Agents (智能体): a named assistant with a persona, its own model settings, tools and knowledge. */

export const agentCategories = [
  'writing',
  'office',
  'education',
  'programming',
  'companionship',
  'customer-service',
  'translation',
  'legal',
  'lifestyle',
  'other',
] as const;
export type AgentCategory = (typeof agentCategories)[number];

export const agentVisibilities = ['private', 'team', 'plaza'] as const;
export type AgentVisibility = (typeof agentVisibilities)[number];

const slug = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens, starting with a letter or digit');

/** What a person edits; everything an agent is, without ids and bookkeeping. */
export const agentSpec = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** one emoji, or the URL of an uploaded image (/api/files/...) */
  avatar: z.string().trim().max(500).default('🤖'),
  description: z.string().trim().max(500).default(''),
  category: z.enum(agentCategories).default('other'),
  /** the system prompt */
  persona: z.string().max(20_000).default(''),
  welcome: z.string().max(2_000).default(''),
  suggestions: z.array(z.string().trim().min(1).max(200)).max(5).default([]),
  /** provider/model or alias; the user's default when absent */
  model: z.string().trim().min(1).max(200).nullable().default(null),
  params: z
    .strictObject({
      temperature: z.number().min(0).max(2).optional(),
      topP: z.number().min(0).max(1).optional(),
      maxTokens: z.number().int().min(1).max(200_000).optional(),
    })
    .default({}),
  tools: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  knowledgeBaseIds: z.array(z.string().min(1).max(100)).max(20).default([]),
  visibility: z.enum(agentVisibilities).default('private'),
  /** personal data, injection and moderation policy (docs/safety.md); the defaults when absent */
  safety: safetyPolicy.optional(),
});
export type AgentSpec = z.infer<typeof agentSpec>;

export const createAgentBody = agentSpec.extend({ slug: slug.optional() });
export type CreateAgentBody = z.input<typeof createAgentBody>;

export const updateAgentBody = agentSpec.partial().extend({
  /** optional note kept with the new version */
  note: z.string().max(200).optional(),
});
export type UpdateAgentBody = z.input<typeof updateAgentBody>;

/** `qiao agent export` / import: a portable file, no ids. */
export const agentExport = z.strictObject({
  format: z.literal('qiao.agent/v1'),
  slug: slug.optional(),
  agent: agentSpec,
});
export type AgentExport = z.infer<typeof agentExport>;

export const draftAgentBody = z.strictObject({
  /** e.g. 帮我做一个陪孩子练英语口语的老师 */
  idea: z.string().trim().min(2).max(1_000),
  model: z.string().trim().min(1).max(200).optional(),
  lang: z.enum(['zh-CN', 'en']).optional(),
});
export type DraftAgentBody = z.infer<typeof draftAgentBody>;

export const plazaQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(agentCategories).optional(),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const reviewSubmissionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().max(500).optional(),
});

export interface AgentDto extends AgentSpec {
  id: string;
  slug: string;
  /** null for built-in agents */
  ownerId: string | null;
  builtIn: boolean;
  version: number;
  /** the caller may edit it */
  editable: boolean;
  /** where anyone who may see the agent loads its uploaded avatar image; null for an emoji */
  avatarUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgentVersionDto {
  version: number;
  note: string | null;
  createdAt: string;
  spec: AgentSpec;
}

export interface PlazaSubmissionDto {
  id: string;
  agentId: string;
  agentName: string;
  submittedBy: string;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  createdAt: string;
}
