import {
  AppError,
  type CreateKnowledgeBaseBody,
  type KbRole,
  type KnowledgeBaseDto,
  knowledgeBaseSettings,
  type UpdateKnowledgeBaseBody,
} from '@qiao/core';
import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { teamKbRole } from '../access/team-visibility';
import type { Db } from '../db';
import { kbDocuments, kbMembers, kbStats, knowledgeBases } from '../db/schema';
import { type KnowledgeBaseRow, strongestKbRole } from './kb-access';

export async function createKnowledgeBase(
  db: Db,
  ownerId: string,
  body: CreateKnowledgeBaseBody,
): Promise<KnowledgeBaseRow> {
  const settings = knowledgeBaseSettings.parse(body.settings ?? {});
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(knowledgeBases)
      .values({ ownerId, name: body.name, description: body.description ?? '', settings })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', `You already have a knowledge base named "${body.name}"`);
    await tx.insert(kbMembers).values({ kbId: row.id, userId: ownerId, role: 'manage' });
    await tx.insert(kbStats).values({ kbId: row.id });
    return row;
  });
}

export async function updateKnowledgeBase(
  db: Db,
  kb: KnowledgeBaseRow,
  body: UpdateKnowledgeBaseBody,
): Promise<KnowledgeBaseRow> {
  const settings = knowledgeBaseSettings.parse({ ...kb.settings, ...body.settings });
  const [row] = await db
    .update(knowledgeBases)
    .set({
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      settings,
      updatedAt: new Date(),
    })
    .where(eq(knowledgeBases.id, kb.id))
    .returning()
    .catch((error: unknown) => {
      throw uniqueViolation(error)
        ? new AppError('conflict', `The owner already has a knowledge base named "${body.name}"`)
        : error;
    });
  return row!;
}

export async function deleteKnowledgeBase(db: Db, kbId: string): Promise<void> {
  await db.delete(knowledgeBases).where(eq(knowledgeBases.id, kbId));
}

/** Knowledge bases the user is a member of, with their role and sizes. */
export async function listKnowledgeBases(db: Db, userId: string): Promise<KnowledgeBaseDto[]> {
  const team = teamKbRole(userId);
  const rows = await db
    .select({
      kb: knowledgeBases,
      member: kbMembers.role,
      team,
      chunkCount: sql<number>`coalesce(${kbStats.chunkCount}, 0)`,
      documentCount: sql<number>`(select count(*)::int from ${kbDocuments} where ${kbDocuments.kbId} = ${knowledgeBases.id})`,
    })
    .from(knowledgeBases)
    .leftJoin(kbMembers, and(eq(kbMembers.kbId, knowledgeBases.id), eq(kbMembers.userId, userId)))
    .leftJoin(kbStats, eq(kbStats.kbId, knowledgeBases.id))
    // members, and members of the teams it is shared with (access/team-visibility.ts)
    .where(or(isNotNull(kbMembers.role), sql`${team} is not null`))
    .orderBy(asc(knowledgeBases.name));
  return rows.map((row) =>
    toKnowledgeBaseDto(row.kb, strongestKbRole(row.member, row.team)!, row.documentCount, row.chunkCount),
  );
}

export async function describeKnowledgeBase(
  db: Db,
  kb: KnowledgeBaseRow,
  role: KbRole,
): Promise<KnowledgeBaseDto> {
  const [counts] = await db
    .select({
      chunkCount: sql<number>`coalesce((select ${kbStats.chunkCount} from ${kbStats} where ${kbStats.kbId} = ${kb.id}), 0)`,
      documentCount: sql<number>`count(*)::int`,
    })
    .from(kbDocuments)
    .where(eq(kbDocuments.kbId, kb.id));
  return toKnowledgeBaseDto(kb, role, counts?.documentCount ?? 0, counts?.chunkCount ?? 0);
}

/** Finds a readable knowledge base by name (the CLI addresses them so); own ones first. */
export async function findKnowledgeBaseByName(
  db: Db,
  userId: string,
  name: string,
): Promise<KnowledgeBaseRow | undefined> {
  const rows = await db
    .select({ kb: knowledgeBases })
    .from(kbMembers)
    .innerJoin(knowledgeBases, eq(knowledgeBases.id, kbMembers.kbId))
    .where(and(eq(kbMembers.userId, userId), eq(knowledgeBases.name, name)))
    .orderBy(sql`${knowledgeBases.ownerId} = ${userId} desc`);
  return rows[0]?.kb;
}

export function toKnowledgeBaseDto(
  kb: KnowledgeBaseRow,
  role: KbRole,
  documentCount: number,
  chunkCount: number,
): KnowledgeBaseDto {
  return {
    id: kb.id,
    name: kb.name,
    description: kb.description,
    ownerId: kb.ownerId,
    role,
    settings: knowledgeBaseSettings.parse(kb.settings),
    documentCount: Number(documentCount),
    chunkCount: Number(chunkCount),
    ...(kb.reindexTotal !== null
      ? { reindex: { done: Math.min(kb.reindexDone ?? 0, kb.reindexTotal), total: kb.reindexTotal } }
      : {}),
    createdAt: kb.createdAt.toISOString(),
    updatedAt: kb.updatedAt.toISOString(),
  };
}

export function uniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code;
  const causeCode = (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505' || causeCode === '23505';
}
