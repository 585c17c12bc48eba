import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { kbBindings } from '../db/schema';

export async function boundKnowledgeBaseIds(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db
    .select({ kbId: kbBindings.kbId })
    .from(kbBindings)
    .where(eq(kbBindings.conversationId, conversationId));
  return rows.map((row) => row.kbId);
}

/** Replaces the conversation's bindings in one transaction. */
export async function setBindings(db: Db, conversationId: string, kbIds: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(kbBindings).where(eq(kbBindings.conversationId, conversationId));
    if (kbIds.length > 0) await tx.insert(kbBindings).values(kbIds.map((kbId) => ({ conversationId, kbId })));
  });
}
