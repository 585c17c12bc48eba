import { AppError } from '@qiao/core';
import { and, eq, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { kbDocuments } from '../db/schema';

/**
 * Records a document's normalized-text hash and refuses it when another live document of the
 * knowledge base has the same text: identical bytes are caught at upload (409), this catches
 * the same text re-saved with other line endings or full-width forms.
 */
export async function claimTextHash(
  db: Db,
  doc: { id: string; kbId: string },
  textHash: string,
): Promise<void> {
  const [twin] = await db
    .select({ name: kbDocuments.name })
    .from(kbDocuments)
    .where(
      and(
        eq(kbDocuments.kbId, doc.kbId),
        eq(kbDocuments.textHash, textHash),
        ne(kbDocuments.id, doc.id),
        notInArray(kbDocuments.status, ['failed', 'cancelled']),
      ),
    )
    .limit(1);
  if (twin)
    throw new AppError('conflict', `Duplicate: "${twin.name}" in this knowledge base has the same text`);
  await db.update(kbDocuments).set({ textHash }).where(eq(kbDocuments.id, doc.id));
}
