import { type ApiKeyScope, AppError, scopesAllow } from '@qiao/core';
import type { ApiKeyPolicy } from './api-key-policy';
import { ipBlockCovered } from './ip-block-covered';
import { modelAllowed } from './model-allowed';

type Asked = Partial<ApiKeyPolicy>;

/**
 * The policy of a key made with a restricted key: never wider than the parent's. A limit the
 * request leaves out is inherited; one that asks for more than the parent has is a 403 naming
 * it (not silently clamped: a caller who asked for 1,000 requests a day should learn it got 100).
 * A parent without a policy (a session, or a full-access key) passes the request through.
 */
export function childKeyPolicy(parent: ApiKeyPolicy | undefined, asked: Asked): Asked {
  if (!parent) return asked;
  const wider = (field: keyof ApiKeyPolicy, why: string) =>
    new AppError('forbidden', `A key can only create keys within its own limits: ${field} ${why}`, {
      details: { field },
    });
  const child: Asked = { ...asked };

  if (parent.scopes) {
    const scopes = asked.scopes ?? parent.scopes;
    const extra = scopes.filter((scope: ApiKeyScope) => !scopesAllow(parent.scopes!, [scope]));
    if (extra.length > 0) throw wider('scopes', `may not include ${extra.map((s) => `"${s}"`).join(', ')}`);
    child.scopes = scopes;
  }
  if (parent.expiresAt) {
    const expiresAt = asked.expiresAt ?? parent.expiresAt;
    if (expiresAt.getTime() > parent.expiresAt.getTime())
      throw wider('expiresAt', `may not be later than ${parent.expiresAt.toISOString()}`);
    child.expiresAt = expiresAt;
  }
  for (const field of ['dailyRequests', 'dailyTokens', 'rateLimit'] as const) {
    const limit = parent[field];
    if (limit === null) continue;
    const value = asked[field] ?? limit;
    if (value > limit) throw wider(field, `may not exceed ${limit}`);
    child[field] = value;
  }
  if (parent.models) {
    const models = asked.models ?? parent.models;
    // a child pattern is inside the parent's when the parent's patterns match it as a string:
    // `openai/*` covers `openai/gpt-4o` and `openai/*`, while `*` is covered only by `*`
    const extra = models.filter((pattern) => !modelAllowed(parent.models!, pattern));
    if (extra.length > 0) throw wider('models', `may not include ${extra.map((m) => `"${m}"`).join(', ')}`);
    child.models = models;
  }
  if (parent.ips) {
    const ips = asked.ips ?? parent.ips;
    const extra = ips.filter((block) => !ipBlockCovered(parent.ips!, block));
    if (extra.length > 0) throw wider('ips', `may not include ${extra.join(', ')}`);
    child.ips = ips;
  }
  return child;
}
