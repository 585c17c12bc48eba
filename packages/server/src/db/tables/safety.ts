import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';

/** Moderation lexicons and the safety event log (moderation, PII, injection, leaks). */

export const moderationCategories = pgTable('moderation_categories', {
  /** a slug: politics, fraud, illegal_goods, or an admin's own */
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  action: text('action', { enum: ['block', 'mask', 'warn', 'log'] }).notNull(),
  /** shown instead of blocked content; null = the default message */
  message: text('message'),
  createdAt: createdAt(),
});

export const moderationTerms = pgTable(
  'moderation_terms',
  {
    id: id(),
    categoryId: text('category_id')
      .notNull()
      .references(() => moderationCategories.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('moderation_terms_category_term_idx').on(t.categoryId, t.term)],
);

/**
 * One row per guard decision that matters (a hit, a redaction, a flag). Never holds the
 * personal data itself: PII events carry types and counts only.
 */
export const safetyEvents = pgTable(
  'safety_events',
  {
    id: id(),
    kind: text('kind', { enum: ['moderation', 'pii', 'injection', 'leak'] }).notNull(),
    direction: text('direction', { enum: ['input', 'output'] }).notNull(),
    /** moderation category, PII type or injection channel */
    category: text('category'),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    userId: text('user_id'),
    apiKeyId: text('api_key_id'),
    source: text('source'),
    model: text('model'),
    createdAt: createdAt(),
  },
  (t) => [
    index('safety_events_created_idx').on(t.createdAt),
    index('safety_events_kind_category_idx').on(t.kind, t.category),
  ],
);

/**
 * Append-only record of who did what (admin changes, sign-ins, key use): the code only ever
 * inserts and reads it; there is no update or delete path.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    /** dotted verb, e.g. `moderation.import`, `moderation.category.update` */
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt), index('audit_log_action_idx').on(t.action)],
);
