import { AppError, type TopicDto } from '@qiao/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { conversations, topics } from '../db/schema';

export type TopicRow = typeof topics.$inferSelect;

export async function createTopic(db: Db, userId: string, name: string): Promise<TopicRow> {
  const [row] = await db.insert(topics).values({ userId, name, createdAt: new Date() }).returning();
  return row!;
}

export async function listTopics(db: Db, userId: string): Promise<TopicRow[]> {
  return db.select().from(topics).where(eq(topics.userId, userId)).orderBy(asc(topics.createdAt));
}

/** Someone else's topic is indistinguishable from a missing one. */
export async function getTopic(db: Db, userId: string, id: string): Promise<TopicRow> {
  const [row] = await db
    .select()
    .from(topics)
    .where(and(eq(topics.id, id), eq(topics.userId, userId)));
  if (!row) throw new AppError('not_found', 'Topic not found');
  return row;
}

export async function renameTopic(db: Db, userId: string, id: string, name: string): Promise<TopicRow> {
  const [row] = await db
    .update(topics)
    .set({ name })
    .where(and(eq(topics.id, id), eq(topics.userId, userId)))
    .returning();
  if (!row) throw new AppError('not_found', 'Topic not found');
  return row;
}

/** The topic goes; its conversations stay, outside any topic. */
export async function deleteTopic(db: Db, userId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .delete(topics)
      .where(and(eq(topics.id, id), eq(topics.userId, userId)))
      .returning({ id: topics.id });
    if (rows.length === 0) throw new AppError('not_found', 'Topic not found');
    await tx
      .update(conversations)
      .set({ topicId: null })
      .where(and(eq(conversations.topicId, id), eq(conversations.userId, userId)));
  });
}

export function toTopicDto(row: TopicRow): TopicDto {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
