import type { AgentSpec } from '@qiao/core';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { users } from './core';

/** Agents people made; the built-in plaza agents live in code (agents/builtin/) and are not stored. */

export const agents = pgTable(
  'agents',
  {
    id: id(),
    slug: text('slug').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** the current version's spec; every version, this one included, is in agent_versions */
    spec: jsonb('spec').$type<AgentSpec>().notNull(),
    /** denormalized from spec for listing and search */
    name: text('name').notNull(),
    visibility: text('visibility', { enum: ['private', 'team', 'plaza'] }).notNull(),
    /** plaza listing is granted by an administrator: approved submissions only */
    listed: text('listed', { enum: ['no', 'pending', 'yes'] })
      .notNull()
      .default('no'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agents_slug_idx').on(t.slug), index('agents_owner_idx').on(t.ownerId)],
);

export const agentVersions = pgTable(
  'agent_versions',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    spec: jsonb('spec').$type<AgentSpec>().notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agent_versions_pk').on(t.agentId, t.version)],
);

export const plazaSubmissions = pgTable(
  'plaza_submissions',
  {
    id: id(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    submittedBy: text('submitted_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    reviewedBy: text('reviewed_by'),
    note: text('note'),
    createdAt: createdAt(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [index('plaza_submissions_status_idx').on(t.status, t.createdAt)],
);
