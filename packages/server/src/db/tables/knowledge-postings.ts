import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { kbDocuments } from './knowledge';

/**
 * The BM25 inverted index in blocks: one row per (block of up to 64 consecutive chunks of a
 * document, term) with the indexes, term frequencies and impacts of the block's chunks that hold
 * the term. Keyword search reads only the query's terms, each term's blocks best-first through
 * `(kb_id, term, max_impact)`, so a query costs about the same at 10k and 100k chunks; one row
 * per block instead of one per (chunk, term) keeps ingestion on PGlite about as cheap as the
 * per-chunk term arrays it replaces for search.
 */
export const kbPostingBlocks = pgTable(
  'kb_posting_blocks',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => kbDocuments.id, { onDelete: 'cascade' }),
    /** the block covers the document's chunks first_index..last_index (indexes, inclusive) */
    firstIndex: integer('first_index').notNull(),
    lastIndex: integer('last_index').notNull(),
    term: text('term').notNull(),
    /** denormalised from the document: a term's blocks are read per knowledge base */
    kbId: text('kb_id').notNull(),
    /**
     * The chunks holding the term, by index in the document (with `document_id`, the key of
     * `kb_chunks`): four bytes each keep a block's row small enough to stay uncompressed
     * in line, where uuids made PGlite TOAST every common term's row.
     */
    chunkIndexes: integer('chunk_indexes').array().notNull().default(sql`'{}'::integer[]`),
    tfs: integer('tfs').array().notNull(),
    /**
     * The term's BM25 weight in each chunk without IDF, with the knowledge base's average chunk
     * length when the block was written: it only decides which postings are read first;
     * scores are recomputed from term frequencies and the current totals.
     */
    impacts: real('impacts').array().notNull(),
    maxImpact: real('max_impact').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.firstIndex, t.term] }),
    index('kb_posting_blocks_term_idx').on(t.kbId, t.term, t.maxImpact.desc()),
  ],
);
