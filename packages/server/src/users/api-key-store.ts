import { AppError } from '@qiao/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { apiKeys } from '../db/schema';
import { randomBase62, sha256Hex } from '../security/tokens';
import { apiKeyCacheFor } from './api-key-cache';

export const apiKeyPrefix = 'sk-qiao-';
/** 40 base62 characters ≈ 238 bits */
export const apiKeyPattern = /^sk-qiao-[A-Za-z0-9]{40}$/;

export interface ApiKeyInfo {
  id: string;
  userId: string;
  name: string;
  /** the first characters of the key, for telling keys apart in lists */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface NewApiKey extends ApiKeyInfo {
  /** the full key: returned once, only its sha-256 is stored */
  key: string;
}

const infoColumns = {
  id: apiKeys.id,
  userId: apiKeys.userId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

export async function createApiKey(db: Db, input: { userId: string; name: string }): Promise<NewApiKey> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new AppError('validation_failed', 'Key name must be 1–100 characters');
  const key = `${apiKeyPrefix}${randomBase62(40)}`;
  const prefix = key.slice(0, apiKeyPrefix.length + 4);
  const [row] = await db
    .insert(apiKeys)
    .values({ userId: input.userId, name, keyHash: sha256Hex(key), prefix })
    .returning(infoColumns);
  return { ...row!, key };
}

/** Active (not revoked) keys, newest first; all users' keys when userId is omitted. */
export async function listApiKeys(db: Db, userId?: string): Promise<ApiKeyInfo[]> {
  const active = isNull(apiKeys.revokedAt);
  return db
    .select(infoColumns)
    .from(apiKeys)
    .where(userId === undefined ? active : and(active, eq(apiKeys.userId, userId)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyInfo | undefined> {
  const [row] = await db
    .select(infoColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

/** True when an active key was revoked; it stops working at once, cache or not. */
export async function revokeApiKey(db: Db, id: string): Promise<boolean> {
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  apiKeyCacheFor(db).evictKey(id);
  return revoked.length > 0;
}
