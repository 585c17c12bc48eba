import type { BlockList } from 'node:net';
import { AppError, scopesAllow, scopesFor } from '@qiao/core';
import type { Context } from 'hono';
import { socketAddress } from '../auth/loopback';
import type { Db } from '../db';
import type { ApiKeyPolicy } from './api-key-policy';
import { ipAllowed, ipAllowList } from './ip-allow-list';
import { familyTokensToday, type KeyAncestor } from './key-ancestors';
import { countKeyRequest, secondsToUtcMidnight, startOfUtcDay } from './key-usage-store';
import { modelAllowed } from './model-allowed';

const allowLists = new WeakMap<readonly string[], BlockList>();

/**
 * What an API key's own policy allows, checked on every request it makes: expiry (401), source
 * address and scope and model (403), daily request and token quotas (429 until UTC midnight).
 * Cheap checks first, so a refused request costs no database write.
 */
export async function enforceKeyPolicy(
  db: Db,
  c: Context,
  apiKeyId: string,
  policy: ApiKeyPolicy,
  options: {
    now?: Date;
    flushUsage?: () => Promise<void>;
    /** refuses a model the allow-list does not reach (assert-key-model.ts) */
    assertModel?: (patterns: readonly string[], model: string) => Promise<void>;
    /** the keys that minted this one, with quotas: this key's requests draw on theirs too */
    ancestors?: readonly KeyAncestor[];
  } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  if (policy.expiresAt && policy.expiresAt.getTime() <= now.getTime()) {
    throw new AppError('unauthorized', `This API key expired at ${policy.expiresAt.toISOString()}`);
  }
  if (policy.ips) {
    let list = allowLists.get(policy.ips);
    if (!list) {
      list = ipAllowList(policy.ips);
      allowLists.set(policy.ips, list);
    }
    const address = socketAddress(c);
    if (!ipAllowed(list, address)) {
      throw new AppError('forbidden', `This API key may not be used from ${address ?? 'an unknown address'}`);
    }
  }
  if (policy.scopes) {
    const needed = scopesFor(c.req.method, c.req.path);
    if (!scopesAllow(policy.scopes, needed)) {
      const names = needed.map((scope) => `"${scope}"`).join(', ');
      const wanted = needed.length === 1 ? `the ${names} scope` : `one of the ${names} scopes`;
      throw new AppError('forbidden', `This API key lacks ${wanted}`, {
        details: { scope: needed.length === 1 ? needed[0] : needed, scopes: policy.scopes },
      });
    }
  }
  if (policy.models && c.req.method === 'POST' && c.req.path.startsWith('/v1/')) {
    // the handler parses the body again from Hono's cache; a malformed one is its 400 to give
    const model = ((await c.req.json().catch(() => undefined)) as { model?: unknown } | undefined)?.model;
    if (typeof model === 'string') {
      if (options.assertModel) await options.assertModel(policy.models, model);
      else if (!modelAllowed(policy.models, model))
        throw new AppError('forbidden', `This API key may not use model "${model}"`, {
          details: { models: policy.models },
        });
    }
  }
  if (policy.dailyRequests !== null && (await countKeyRequest(db, apiKeyId, now)) > policy.dailyRequests) {
    throw new AppError('rate_limited', `Daily request quota of ${policy.dailyRequests} reached`, {
      retryAfter: secondsToUtcMidnight(now),
    });
  }
  if (policy.dailyTokens !== null)
    await enforceDailyTokens(db, apiKeyId, policy.dailyTokens, now, options.flushUsage);
  for (const ancestor of options.ancestors ?? [])
    await enforceAncestorQuotas(db, ancestor, now, options.flushUsage);
}

/**
 * A key minted by a key with quotas shares them: without that, a key allowed 50 requests a day
 * could mint children of 50 each. Each request of the child is counted on the parent's row too,
 * and the parent's token quota covers its whole family.
 */
async function enforceAncestorQuotas(
  db: Db,
  ancestor: KeyAncestor,
  now: Date,
  flushUsage: (() => Promise<void>) | undefined,
): Promise<void> {
  const { dailyRequests, dailyTokens } = ancestor;
  if (dailyRequests !== null && (await countKeyRequest(db, ancestor.id, now)) > dailyRequests) {
    throw new AppError(
      'rate_limited',
      `The daily request quota of ${dailyRequests} of the key that created this key is used up`,
      { retryAfter: secondsToUtcMidnight(now) },
    );
  }
  if (dailyTokens === null) return;
  await flushUsage?.();
  if ((await familyTokensToday(db, ancestor.id, startOfUtcDay(now))) >= dailyTokens) {
    throw new AppError(
      'rate_limited',
      `The daily token quota of ${dailyTokens} of the key that created this key is used up`,
      { retryAfter: secondsToUtcMidnight(now) },
    );
  }
}

/**
 * Tokens are known only once a request has ended, so the quota is checked after the fact: a
 * request starts while some quota is left (a stream may cross it and still finish) and the
 * next one is refused. The request log is batched, so its queue is written first: the request
 * that just ended counts at once, not 100 ms later.
 */
async function enforceDailyTokens(
  db: Db,
  apiKeyId: string,
  dailyTokens: number,
  now: Date,
  flushUsage: (() => Promise<void>) | undefined,
): Promise<void> {
  await flushUsage?.();
  // the key's own tokens and those of every key it minted: they share its quota
  if ((await familyTokensToday(db, apiKeyId, startOfUtcDay(now))) >= dailyTokens) {
    throw new AppError(
      'rate_limited',
      `Daily token quota of ${dailyTokens} tokens reached (input + output, UTC day)`,
      {
        retryAfter: secondsToUtcMidnight(now),
      },
    );
  }
}
