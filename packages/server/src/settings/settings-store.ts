import type { UpdateSettingsBody, UserSettingsDto } from '@qiao/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { userSettings } from '../db/schema';

const defaults: UserSettingsDto = { defaultModel: null, language: null, theme: 'system' };

export async function getSettings(db: Db, userId: string): Promise<UserSettingsDto> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return row ? { defaultModel: row.defaultModel, language: row.language, theme: row.theme } : defaults;
}

/** Changes only the fields given; the rest keep their stored (or default) values. */
export async function updateSettings(
  db: Db,
  userId: string,
  body: UpdateSettingsBody,
): Promise<UserSettingsDto> {
  const next = { ...(await getSettings(db, userId)), ...stripUndefined(body) };
  await db
    .insert(userSettings)
    .values({ userId, ...next, updatedAt: new Date() })
    .onConflictDoUpdate({ target: userSettings.userId, set: { ...next, updatedAt: new Date() } });
  return next;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
