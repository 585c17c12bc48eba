import { AppError, editChunkBody, type KbChunkDto, knowledgeBaseSettings } from '@qiao/core';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { kbChunks } from '../db/schema';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith } from '../http/parse-with';
import { readJson } from '../http/read-json';
import { rewriteChunk } from './chunk-writer';
import { getDocument } from './document-store';
import { requireKbRole } from './kb-access';
import { ensureVectorStore, writeVectors } from './vector-store';

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

type ChunkRow = typeof kbChunks.$inferSelect;

/** Chunk preview and edit; an edited chunk is re-indexed (postings, and its vector). */
export function chunkRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/:id/documents/:docId/chunks', async (c) => {
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'read');
    const doc = await getDocument(db, kb.id, c.req.param('docId'));
    const page = parseWith(pageQuery, c.req.query());
    const rows = await db
      .select()
      .from(kbChunks)
      .where(eq(kbChunks.documentId, doc.id))
      .orderBy(asc(kbChunks.index))
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ chunks: rows.map(toChunkDto), total: doc.chunkCount });
  });

  app.patch('/:id/chunks/:chunkId', async (c) => {
    const body = await readJson(c, editChunkBody);
    const { kb } = await requireKbRole(db, c.get('auth').userId, c.req.param('id'), 'write');
    const [chunk] = await db
      .select()
      .from(kbChunks)
      .where(and(eq(kbChunks.id, c.req.param('chunkId')), eq(kbChunks.kbId, kb.id)));
    if (!chunk) throw new AppError('not_found', 'Chunk not found');
    await rewriteChunk(db, chunk.id, kb.id, body.text);
    const settings = knowledgeBaseSettings.parse(kb.settings);
    if (settings.embeddingModel && (await ensureVectorStore(db)).available) {
      const result = await deps.gateway.embed({
        model: settings.embeddingModel,
        input: [body.text],
        source: 'system',
        userId: c.get('auth').userId,
      });
      await writeVectors(db, kb.id, [{ chunkId: chunk.id, embedding: result.embeddings[0] ?? [] }]);
    }
    const [updated] = await db.select().from(kbChunks).where(eq(kbChunks.id, chunk.id));
    return c.json(toChunkDto(updated!));
  });

  return app;
}

function toChunkDto(row: ChunkRow): KbChunkDto {
  return {
    id: row.id,
    documentId: row.documentId,
    index: row.index,
    text: row.text,
    headingPath: row.headingPath,
    page: row.page,
    charCount: row.charCount,
    tokenCount: row.tokenCount,
    edited: row.editedAt !== null,
  };
}
