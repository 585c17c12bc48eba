import { AppError, type DocumentStatus, type KbDocumentDto } from '@qiao/core';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbDocuments } from '../db/schema';

export type DocumentRow = typeof kbDocuments.$inferSelect;

export interface NewDocument {
  kbId: string;
  name: string;
  contentHash: string;
  sizeBytes: number;
  mimeType?: string;
  sourceUrl?: string;
}

/** Unfinished states: a job for them is queued or running (or was, before a crash). */
export const pendingStatuses: DocumentStatus[] = ['queued', 'parsing', 'indexing'];

/**
 * Adds a queued document; identical bytes already in the knowledge base are a 409 naming
 * the existing document (dedupe by content hash).
 */
export async function addDocument(db: Db, input: NewDocument): Promise<DocumentRow> {
  const [row] = await db
    .insert(kbDocuments)
    .values({ ...input, status: 'queued' })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(kbDocuments)
    .where(and(eq(kbDocuments.kbId, input.kbId), eq(kbDocuments.contentHash, input.contentHash)));
  throw new AppError('conflict', `This knowledge base already has the same content as "${existing?.name}"`, {
    details: { documentId: existing?.id },
  });
}

export async function listDocuments(db: Db, kbId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(kbDocuments)
    .where(eq(kbDocuments.kbId, kbId))
    .orderBy(desc(kbDocuments.createdAt), asc(kbDocuments.id));
}

export async function getDocument(db: Db, kbId: string, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(kbDocuments)
    .where(and(eq(kbDocuments.kbId, kbId), eq(kbDocuments.id, id)));
  if (!row) throw new AppError('not_found', 'Document not found');
  return row;
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(kbDocuments).where(eq(kbDocuments.id, id));
  return row;
}

export async function updateDocument(
  db: Db,
  id: string,
  patch: Partial<Omit<DocumentRow, 'id' | 'kbId' | 'createdAt'>>,
): Promise<void> {
  await db
    .update(kbDocuments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(kbDocuments.id, id));
}

/** Moves a document to `to` only if it is in one of `from`; says whether it did. */
export async function transitionDocument(
  db: Db,
  id: string,
  from: readonly DocumentStatus[],
  to: Partial<Omit<DocumentRow, 'id' | 'kbId' | 'createdAt'>>,
): Promise<boolean> {
  const rows = await db
    .update(kbDocuments)
    .set({ ...to, updatedAt: new Date() })
    .where(and(eq(kbDocuments.id, id), inArray(kbDocuments.status, [...from])))
    .returning({ id: kbDocuments.id });
  return rows.length > 0;
}

/**
 * Counts a parser run as failed before it starts (+1) and takes that back (-1) once the parser
 * answered: a run that kills the server, as a bomb did before parsing had a process of its
 * own, stays counted in the row, so the restart knows (ingest-document.ts).
 */
export async function countParseRun(db: Db, id: string, delta: 1 | -1): Promise<void> {
  await db
    .update(kbDocuments)
    .set({ parseFailures: sql`greatest(${kbDocuments.parseFailures} + ${delta}, 0)` })
    .where(eq(kbDocuments.id, id));
}

export async function deleteDocument(db: Db, id: string): Promise<void> {
  await db.delete(kbDocuments).where(eq(kbDocuments.id, id));
}

/** Documents whose job did not finish, oldest first: re-queued at start-up. */
export async function unfinishedDocuments(db: Db): Promise<DocumentRow[]> {
  return db
    .select()
    .from(kbDocuments)
    .where(inArray(kbDocuments.status, pendingStatuses))
    .orderBy(asc(kbDocuments.createdAt));
}

export async function documentIdsOf(db: Db, kbId: string): Promise<string[]> {
  const rows = await db.select({ id: kbDocuments.id }).from(kbDocuments).where(eq(kbDocuments.kbId, kbId));
  return rows.map((row) => row.id);
}

export function toDocumentDto(row: DocumentRow): KbDocumentDto {
  return {
    id: row.id,
    kbId: row.kbId,
    name: row.name,
    format: row.format,
    title: row.title,
    sizeBytes: row.sizeBytes,
    status: row.status,
    progress: row.progress,
    error: row.error,
    attempts: row.attempts,
    pageCount: row.pageCount,
    chunkCount: row.chunkCount,
    sourceUrl: row.sourceUrl,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
