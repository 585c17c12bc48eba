import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns';
import { conversations, messages, users } from './core';

/** What the chat UI adds around conversations: topics, feedback, shares, settings, uploads. */

const userId = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const topics = pgTable(
  'topics',
  { id: id(), userId: userId(), name: text('name').notNull(), createdAt: createdAt() },
  (t) => [index('topics_user_idx').on(t.userId)],
);

/** One rating per answer: only its conversation's owner can rate it. */
export const messageFeedback = pgTable('message_feedback', {
  messageId: text('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  userId: userId(),
  rating: text('rating', { enum: ['like', 'dislike'] }).notNull(),
  reason: text('reason', { enum: ['inaccurate', 'harmful', 'unhelpful', 'other'] }),
  comment: text('comment'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const shares = pgTable(
  'shares',
  {
    /** the public token itself: 128 random bits, base64url */
    id: text('id').primaryKey(),
    userId: userId(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** the last message shown (included) */
    messageId: text('message_id').notNull(),
    /** the implicit AI-content label's content id */
    contentId: text('content_id').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('shares_user_idx').on(t.userId)],
);

export const userSettings = pgTable('user_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  defaultModel: text('default_model'),
  language: text('language', { enum: ['zh-CN', 'en'] }),
  theme: text('theme', { enum: ['light', 'dark', 'system'] })
    .notNull()
    .default('system'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Uploads; the bytes live under $QIAO_DATA_DIR/files/<sha256>. */
export const files = pgTable(
  'files',
  {
    id: id(),
    userId: userId(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    mimeType: text('mime_type').notNull(),
    kind: text('kind', { enum: ['document', 'image'] }).notNull(),
    sha256: text('sha256').notNull(),
    /** extracted text of a document; null for images */
    text: text('text'),
    createdAt: createdAt(),
  },
  (t) => [index('files_user_idx').on(t.userId)],
);

export const messageAttachments = pgTable(
  'message_attachments',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    fileId: text('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] })],
);
