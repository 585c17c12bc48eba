import type { ChatMessage, ToolCall, Usage } from '@qiao/core';
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';

/** Accounts, providers, conversations and the request log. */

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'member', 'viewer'] })
    .notNull()
    .default('member'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the cookie token; the token itself is never stored */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** sha-256 of the full key */
    keyHash: text('key_hash').notNull(),
    /** first characters, shown in lists so people can tell keys apart */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** the key that minted this one: its quotas pool with this key's, and revoking it revokes this */
    parentKeyId: text('parent_key_id').references((): AnyPgColumn => apiKeys.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('api_keys_hash_idx').on(t.keyHash),
    index('api_keys_user_idx').on(t.userId),
    index('api_keys_parent_idx').on(t.parentKeyId),
  ],
);

/** Providers added at runtime (admin UI / API); env-configured ones are not stored. */
export const providers = pgTable('providers', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['openai-compatible', 'anthropic'] }).notNull(),
  /** a built-in preset this row configures, if any */
  preset: text('preset'),
  baseUrl: text('base_url'),
  /** AES-256-GCM with a key derived from QIAO_SECRET */
  apiKeyEnc: text('api_key_enc'),
  models: jsonb('models').$type<string[]>(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
});

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    model: text('model'),
    systemPrompt: text('system_prompt'),
    pinned: boolean('pinned').notNull().default(false),
    /** topics.id (tables/chat-extras); no foreign key to keep the table files acyclic */
    topicId: text('topic_id'),
    /** the agent it talks to: agents.id, or `builtin:<slug>` for a plaza agent shipped in code */
    agentId: text('agent_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_user_updated_idx').on(t.userId, t.updatedAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['system', 'user', 'assistant', 'tool'] }).notNull(),
    content: jsonb('content').$type<ChatMessage['content']>().notNull(),
    reasoning: text('reasoning'),
    toolCalls: jsonb('tool_calls').$type<ToolCall[]>(),
    toolCallId: text('tool_call_id'),
    /** assistant answers point at the user message they answer; several = regenerated versions */
    parentId: text('parent_id'),
    model: text('model'),
    status: text('status', { enum: ['complete', 'stopped', 'streaming', 'interrupted'] })
      .notNull()
      .default('complete'),
    usage: jsonb('usage').$type<Usage>(),
    /** the text of `content`, for full-text search (ILIKE works for Chinese without segmentation) */
    plainText: text('plain_text'),
    createdAt: createdAt(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
);

export const requestLog = pgTable(
  'request_log',
  {
    id: id(),
    userId: text('user_id'),
    apiKeyId: text('api_key_id'),
    source: text('source', { enum: ['chat', 'v1', 'cli', 'system'] }).notNull(),
    /** what the caller asked for (alias, chain or provider/model) */
    requestedModel: text('requested_model').notNull(),
    /** the provider/model that answered (or last failed) */
    model: text('model'),
    status: text('status', { enum: ['ok', 'error', 'cancelled'] }).notNull(),
    errorCode: text('error_code'),
    attempts: integer('attempts').notNull().default(1),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    ttftMs: integer('ttft_ms'),
    latencyMs: integer('latency_ms').notNull(),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('request_log_created_idx').on(t.createdAt), index('request_log_user_idx').on(t.userId)],
);
