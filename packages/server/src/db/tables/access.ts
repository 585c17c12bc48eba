import type { ApiKeyScope } from '@qiao/core';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { apiKeys, users } from './core';

/** Teams, what is shared with them, and the limits an API key carries (docs/access-control.md). */

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

/**
 * A "team" agent or knowledge base named here is visible to those teams' members only; one
 * named nowhere stays visible to everyone signed in (the whole organisation is the team).
 */
export const teamShares = pgTable(
  'team_shares',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    resourceKind: text('resource_kind', { enum: ['agent', 'kb'] }).notNull(),
    /** agents.id or knowledge_bases.id; no foreign key because it points at either */
    resourceId: text('resource_id').notNull(),
    /** for knowledge bases: what team members may do (agents are use-only) */
    role: text('role', { enum: ['read', 'write'] })
      .notNull()
      .default('read'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceKind, t.resourceId, t.teamId] }),
    index('team_shares_team_idx').on(t.teamId),
  ],
);

/** Limits of one API key; a key without a row has its owner's full access (keys made before). */
export const apiKeyPolicies = pgTable('api_key_policies', {
  apiKeyId: text('api_key_id')
    .primaryKey()
    .references(() => apiKeys.id, { onDelete: 'cascade' }),
  /** null = every scope */
  scopes: jsonb('scopes').$type<ApiKeyScope[]>(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  dailyRequests: integer('daily_requests'),
  dailyTokens: integer('daily_tokens'),
  /** provider/model ids or `provider/*`; null = any */
  models: jsonb('models').$type<string[]>(),
  /** CIDR blocks (IPv4 or IPv6); null = any address */
  ips: jsonb('ips').$type<string[]>(),
  /** requests per minute for this key; null = the server default */
  rateLimit: integer('rate_limit'),
});

/** Requests per key per UTC day, counted only for keys with a daily request quota. */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    /** YYYY-MM-DD, UTC */
    day: text('day').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.day] })],
);
