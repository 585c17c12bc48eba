import { AppError, can, createApiKeyBody } from '@qiao/core';
import { Hono } from 'hono';
import { childKeyPolicy } from '../access/child-key-policy';
import { ipAllowList } from '../access/ip-allow-list';
import { roleCovers } from '../access/role-covers';
import { currentAuth } from '../auth/current-auth';
import { assertAdmin } from '../auth/require-admin';
import type { Db } from '../db';
import type { AppDeps, AppEnv, AuthContext } from '../http/app-env';
import { readJson } from '../http/read-json';
import { appendAudit } from '../safety/audit-log';
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from './api-key-store';
import { findUserById, findUserByUsername } from './user-store';

/** Mounted at /api/keys behind requireAuth. Secrets are shown once, at creation. */
export function apiKeyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const userId = await targetUserId(db, currentAuth(c), c.req.query('username'));
    return c.json({ keys: await listApiKeys(db, userId) });
  });

  app.post('/', async (c) => {
    const auth = currentAuth(c);
    const { name, username, ...asked } = await readJson(c, createApiKeyBody);
    if (asked.ips) ipAllowList(asked.ips);
    if (asked.expiresAt && asked.expiresAt.getTime() <= Date.now())
      throw new AppError('validation_failed', 'expiresAt must be in the future');
    const userId = await targetUserId(db, auth, username, 'mint');
    // a restricted key's children get at most its own limits (docs/access-control.md)
    const policy = childKeyPolicy(auth.keyPolicy, asked);
    // minted by a key: the child's quotas pool with its parent's, and it dies with it
    const key = await createApiKey(db, { userId, name, policy, parentKeyId: auth.apiKeyId });
    await appendAudit(db, auth, {
      action: 'key.create',
      target: key.id,
      detail: { name: key.name, userId, prefix: key.prefix, policy: key.policy },
    });
    const { id, prefix, createdAt } = key;
    return c.json({ id, name: key.name, key: key.key, prefix, createdAt, policy: key.policy }, 201);
  });

  app.delete('/:id', async (c) => {
    const auth = currentAuth(c);
    const key = await findApiKey(db, c.req.param('id'));
    // another user's key reads as missing to a member, so ids cannot be probed
    if (!key || (key.userId !== auth.userId && !can(auth.role, 'users.manage'))) {
      throw new AppError('not_found', 'No such API key');
    }
    if (key.userId !== auth.userId) {
      const owner = await findUserById(db, key.userId);
      if (owner && !roleCovers(auth.role, owner.role))
        throw new AppError('forbidden', `Your role (${auth.role}) cannot revoke the keys of a ${owner.role}`);
    }
    if (!(await revokeApiKey(db, key.id))) throw new AppError('not_found', 'No such API key');
    await appendAudit(db, auth, {
      action: 'key.revoke',
      target: key.id,
      detail: { name: key.name, userId: key.userId },
    });
    return c.json({ ok: true });
  });

  return app;
}

/**
 * The caller's own id, or another user's when an administrator names one. The local CLI acts
 * as the first admin, like `qiao keys create` does without a server.
 */
async function targetUserId(
  db: Db,
  auth: AuthContext,
  username: string | undefined,
  purpose: 'list' | 'mint' = 'list',
): Promise<string> {
  if (username === undefined) {
    if (!auth.userId) {
      throw new AppError(
        'validation_failed',
        'username is required: there is no administrator account to act as yet',
      );
    }
    return auth.userId;
  }
  const user = await findUserByUsername(db, username);
  if (user?.id !== auth.userId) assertAdmin(auth);
  if (!user) throw new AppError('not_found', `No user named "${username}"`);
  // a key acts with its user's role: minting one for a stronger role would be an escalation
  if (purpose === 'mint' && user.id !== auth.userId && !roleCovers(auth.role, user.role)) {
    throw new AppError(
      'forbidden',
      `Your role (${auth.role}) cannot act for "${user.username}" (${user.role}): a key would carry rights you do not have`,
    );
  }
  if (user.disabled) throw new AppError('conflict', `User "${user.username}" is disabled`);
  return user.id;
}
