import { AppError } from '@qiao/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKeyPolicy } from '../access/api-key-policy';
import type { Db } from '../db';
import { apiKeyPolicies, apiKeys } from '../db/schema';
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
  /** null: the key has its owner's full access */
  policy: ApiKeyPolicy | null;
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
  policy: {
    scopes: apiKeyPolicies.scopes,
    expiresAt: apiKeyPolicies.expiresAt,
    dailyRequests: apiKeyPolicies.dailyRequests,
    dailyTokens: apiKeyPolicies.dailyTokens,
    models: apiKeyPolicies.models,
    ips: apiKeyPolicies.ips,
    rateLimit: apiKeyPolicies.rateLimit,
  },
};

const policyKeys = [
  'scopes',
  'expiresAt',
  'dailyRequests',
  'dailyTokens',
  'models',
  'ips',
  'rateLimit',
] as const;

/** drizzle fills a left-joined object with nulls when there is no row: that is "no policy". */
const withPolicy = <T extends { policy: ApiKeyPolicy | null }>(row: T): T =>
  row.policy && policyKeys.every((k) => row.policy![k] === null) ? { ...row, policy: null } : row;

const selectInfo = (db: Db) =>
  db.select(infoColumns).from(apiKeys).leftJoin(apiKeyPolicies, eq(apiKeyPolicies.apiKeyId, apiKeys.id));

export async function createApiKey(
  db: Db,
  input: { userId: string; name: string; policy?: Partial<ApiKeyPolicy>; parentKeyId?: string },
): Promise<NewApiKey> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new AppError('validation_failed', 'Key name must be 1–100 characters');
  const key = `${apiKeyPrefix}${randomBase62(40)}`;
  const prefix = key.slice(0, apiKeyPrefix.length + 4);
  const given = input.policy ?? {};
  const policy: ApiKeyPolicy = {
    scopes: given.scopes ?? null,
    expiresAt: given.expiresAt ?? null,
    dailyRequests: given.dailyRequests ?? null,
    dailyTokens: given.dailyTokens ?? null,
    models: given.models ?? null,
    ips: given.ips ?? null,
    rateLimit: given.rateLimit ?? null,
  };
  const limited = policyKeys.some((k) => policy[k] !== null);
  const { policy: _p, ...plainColumns } = infoColumns;
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiKeys)
      .values({ userId: input.userId, name, keyHash: sha256Hex(key), prefix, parentKeyId: input.parentKeyId })
      .returning(plainColumns);
    if (limited) await tx.insert(apiKeyPolicies).values({ apiKeyId: inserted!.id, ...policy });
    return inserted!;
  });
  return { ...row, policy: limited ? policy : null, key };
}

/** Active (not revoked) keys, newest first; all users' keys when userId is omitted. */
export async function listApiKeys(db: Db, userId?: string): Promise<ApiKeyInfo[]> {
  const active = isNull(apiKeys.revokedAt);
  const rows = await selectInfo(db)
    .where(userId === undefined ? active : and(active, eq(apiKeys.userId, userId)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(withPolicy);
}

export async function findApiKey(db: Db, id: string): Promise<ApiKeyInfo | undefined> {
  const [row] = await selectInfo(db)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row && withPolicy(row);
}

/** True when an active key was revoked; it stops working at once, cache or not. */
export async function revokeApiKey(db: Db, id: string): Promise<boolean> {
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  // the keys it minted die with it (verify-api-key.ts refuses a key with a revoked ancestor);
  // they may sit in the cache under their own ids, so the whole cache starts afresh
  apiKeyCacheFor(db).evictAll();
  return revoked.length > 0;
}
