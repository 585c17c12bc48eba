import type { Context } from 'hono';
import type { AppDeps, AuthContext } from '../http/app-env';
import { assertCan } from './assert-can';
import { assertKeyModel } from './assert-key-model';
import { enforceKeyPolicy } from './enforce-key-policy';
import { requestLogFlush } from './key-usage-store';
import { rateLimitsFor } from './rate-limits';
import { routePermission } from './route-permissions';

/**
 * Everything requireAuth checks once the caller is known: the role's permission for this route
 * (route-permissions.ts), what an API key's own policy allows, then the per-user and per-key
 * rate limits. The local CLI is not rate limited: it is the machine's own administrator.
 */
export async function authorizeRequest(deps: AppDeps, c: Context, auth: AuthContext): Promise<void> {
  assertCan(auth, routePermission(c.req.method, c.req.path));
  if (auth.apiKeyId && auth.keyPolicy)
    await enforceKeyPolicy(deps.database.db, c, auth.apiKeyId, auth.keyPolicy, {
      flushUsage: requestLogFlush(deps.gateway),
      assertModel: (patterns, model) => assertKeyModel(deps, patterns, model),
      ancestors: auth.keyAncestors,
    });
  if (auth.local) return;
  const limits = rateLimitsFor(deps.database, deps.config.redisUrl);
  if (auth.apiKeyId) {
    await limits.consume('key', auth.apiKeyId, auth.keyPolicy?.rateLimit ?? deps.config.rateLimitKey);
  }
  await limits.consume('user', auth.userId, deps.config.rateLimitUser);
}
