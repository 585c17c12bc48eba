import { AppError } from '@qiao/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { providers } from '../db/schema';
import { decryptSecret, encryptSecret } from '../security/secret-box';

/** A row of the `providers` table with its key decrypted (server-side only, never sent out). */
export interface StoredProvider {
  id: string;
  kind: 'openai-compatible' | 'anthropic';
  preset: string | null;
  baseUrl: string | null;
  apiKey?: string;
  hasApiKey: boolean;
  models: string[] | null;
  enabled: boolean;
}

export interface StoredProviderInput {
  id: string;
  kind: 'openai-compatible' | 'anthropic';
  preset?: string;
  baseUrl?: string;
  /** undefined keeps the stored key; '' removes it */
  apiKey?: string;
  models?: string[];
  enabled?: boolean;
}

export async function listStoredProviders(db: Db, secret: string): Promise<StoredProvider[]> {
  const rows = await db.select().from(providers).orderBy(providers.createdAt);
  return rows.map((row) => {
    let apiKey: string | undefined;
    if (row.apiKeyEnc) {
      try {
        apiKey = decryptSecret(secret, row.apiKeyEnc);
      } catch {
        // QIAO_SECRET changed: keep the row visible (and fixable) instead of failing every request
        apiKey = undefined;
      }
    }
    return {
      id: row.id,
      kind: row.kind,
      preset: row.preset,
      baseUrl: row.baseUrl,
      apiKey,
      hasApiKey: apiKey !== undefined,
      models: row.models,
      enabled: row.enabled,
    };
  });
}

export async function upsertStoredProvider(
  db: Db,
  secret: string,
  input: StoredProviderInput,
): Promise<void> {
  const values = {
    kind: input.kind,
    preset: input.preset ?? null,
    baseUrl: input.baseUrl ?? null,
    models: input.models ?? null,
    enabled: input.enabled ?? true,
    ...(input.apiKey !== undefined
      ? { apiKeyEnc: input.apiKey ? encryptSecret(secret, input.apiKey) : null }
      : {}),
  };
  await db
    .insert(providers)
    .values({ id: input.id, ...values })
    .onConflictDoUpdate({ target: providers.id, set: values });
}

export async function deleteStoredProvider(db: Db, id: string): Promise<void> {
  const deleted = await db.delete(providers).where(eq(providers.id, id)).returning({ id: providers.id });
  if (deleted.length === 0) throw new AppError('not_found', `No stored provider '${id}'`);
}

/**
 * Only the model choice: a provider configured by the environment gets a row that keeps its
 * key and base URL from there (see buildProviderConfigs); a stored one keeps everything else.
 */
export async function saveProviderModels(
  db: Db,
  input: Pick<StoredProviderInput, 'id' | 'kind' | 'preset'> & { models: string[] | null },
): Promise<void> {
  await db
    .insert(providers)
    .values({ id: input.id, kind: input.kind, preset: input.preset ?? null, models: input.models })
    .onConflictDoUpdate({ target: providers.id, set: { models: input.models } });
}
