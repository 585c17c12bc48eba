import type { KnowledgeBaseSettings, KnowledgeSource } from '@qiao/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { searchIndexVersion } from '../../knowledge/search-index-version';
import { createdAt, id, updatedAt } from '../columns';
import { conversations, messages, users } from './core';

/**
 * Knowledge bases, their documents, chunks and a BM25 inverted index kept in SQL so keyword
 * retrieval runs the same on PGlite and Postgres. Vectors are not here: pgvector is optional
 * (CI's Postgres lacks it), so `knowledge/vector-store.ts` creates their table at start-up
 * only where `CREATE EXTENSION vector` succeeds.
 */

export const knowledgeBases = pgTable(
  'knowledge_bases',
  {
    id: id(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    settings: jsonb('settings').$type<KnowledgeBaseSettings>().notNull(),
    /**
     * The search-term version its documents were indexed with (knowledge/search-index-version.ts);
     * rows from before migration 0018 are 1, new ones the running code's. Older ones are
     * re-indexed in the background (knowledge/reindex-*.ts), which counts its chunks in
     * reindex_done of reindex_total while it runs (both null otherwise).
     */
    indexVersion: integer('index_version')
      .notNull()
      .default(1)
      .$defaultFn(() => searchIndexVersion),
    reindexDone: integer('reindex_done'),
    reindexTotal: integer('reindex_total'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('knowledge_bases_owner_name_idx').on(t.ownerId, t.name)],
);

/** The owner is a `manage` member too, so every access check is one join on this table. */
export const kbMembers = pgTable(
  'kb_members',
  {
    kbId: text('kb_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['read', 'write', 'manage'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kbId, t.userId] }), index('kb_members_user_idx').on(t.userId)],
);

export const kbDocuments = pgTable(
  'kb_documents',
  {
    id: id(),
    kbId: text('kb_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** sha-256 of the bytes; also the file name under $QIAO_DATA_DIR/files */
    contentHash: text('content_hash').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mimeType: text('mime_type'),
    format: text('format'),
    title: text('title'),
    status: text('status', {
      enum: ['queued', 'parsing', 'indexing', 'ready', 'failed', 'cancelled'],
    })
      .notNull()
      .default('queued'),
    error: text('error'),
    /** 0..1 */
    progress: real('progress').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    /** parser runs that never answered (memory, time, a crash, or the server died meanwhile) */
    parseFailures: integer('parse_failures').notNull().default(0),
    pageCount: integer('page_count'),
    chunkCount: integer('chunk_count').notNull().default(0),
    sourceUrl: text('source_url'),
    /**
     * sha-256 of the parsed text, NFKC- and whitespace-normalized: the same document re-saved
     * (other line endings, full-width digits) or in another format is a duplicate too
     */
    textHash: text('text_hash'),
    /** like the knowledge base's; reindex_next is the chunk index the re-index goes on from */
    indexVersion: integer('index_version')
      .notNull()
      .default(1)
      .$defaultFn(() => searchIndexVersion),
    reindexNext: integer('reindex_next').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('kb_documents_hash_idx').on(t.kbId, t.contentHash),
    index('kb_documents_text_hash_idx').on(t.kbId, t.textHash),
    index('kb_documents_status_idx').on(t.status),
  ],
);

export const kbChunks = pgTable(
  'kb_chunks',
  {
    id: id(),
    /** denormalised so retrieval filters by knowledge base without joining documents */
    kbId: text('kb_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => kbDocuments.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    text: text('text').notNull(),
    headingPath: jsonb('heading_path').$type<string[]>().notNull().default([]),
    page: integer('page'),
    charCount: integer('char_count').notNull(),
    tokenCount: integer('token_count').notNull(),
    /** number of search terms: the document length of BM25 */
    termCount: integer('term_count').notNull(),
    /** set when a user edited the text; re-ingesting the document keeps nothing of it */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /**
     * The chunk's distinct search terms and, at the same positions, how often each occurs:
     * what a removed or edited chunk takes out of the document frequencies. Search reads
     * `kb_postings` (knowledge-postings.ts), not these.
     */
    terms: text('terms').array().notNull().default(sql`'{}'::text[]`),
    termTfs: integer('term_tfs').array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    uniqueIndex('kb_chunks_document_index_idx').on(t.documentId, t.index),
    index('kb_chunks_kb_idx').on(t.kbId),
  ],
);

/**
 * BM25 document frequencies: how many chunks of a knowledge base hold a term. Updated once
 * per written batch (one upsert of the batch's distinct terms), so IDF needs no scan.
 */
export const kbTerms = pgTable(
  'kb_terms',
  {
    kbId: text('kb_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    df: integer('df').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kbId, t.term] })],
);

/** Per knowledge base totals for BM25 (N and average length), kept in step with kb_chunks. */
export const kbStats = pgTable('kb_stats', {
  kbId: text('kb_id')
    .primaryKey()
    .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
  chunkCount: integer('chunk_count').notNull().default(0),
  termTotal: bigint('term_total', { mode: 'number' }).notNull().default(0),
});

/** Knowledge bases a conversation answers from (kept out of `conversations` on purpose). */
export const kbBindings = pgTable(
  'kb_bindings',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    kbId: text('kb_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.kbId] }), index('kb_bindings_kb_idx').on(t.kbId)],
);

/** The numbered passages an answer was given, so its [n] citations open them later too. */
export const kbMessageSources = pgTable('kb_message_sources', {
  messageId: text('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  sources: jsonb('sources').$type<KnowledgeSource[]>().notNull(),
  createdAt: createdAt(),
});
