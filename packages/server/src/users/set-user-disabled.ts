import { AppError } from '@qiao/core';
import { eq } from 'drizzle-orm';
import { deleteUserSessions } from '../auth/session-store';
import type { Db } from '../db';
import { users } from '../db/schema';
import { apiKeyCacheFor } from './api-key-cache';

/** Disabling signs the user out everywhere and stops their API keys at once. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  const updated = await db
    .update(users)
    .set({ disabled })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such user');
  apiKeyCacheFor(db).evictUser(userId);
  if (disabled) await deleteUserSessions(db, userId);
}
