import { AppError } from '@qiao/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { appendAudit } from '../safety/audit-log';
import { verifyAgainstDummy, verifyPassword } from '../users/password';
import { countUsers, createFirstAdmin, findUserByUsername } from '../users/user-store';
import { accountKey, LoginThrottle } from './login-throttle';
import { isLoopbackRequest, type RemoteAddress, socketAddress } from './loopback';
import { requireAuth } from './require-auth';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import { createSession, deleteSession } from './session-store';

export interface AuthRoutesOptions {
  /** how to learn the peer address; tests pass a fixed one (default: the Node socket) */
  remoteAddress?: RemoteAddress;
  /** failed sign-ins per name and address (default: 5 and 30 per 15 minutes) */
  loginThrottle?: LoginThrottle;
}

const credentials = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/** Mounted at /api/auth, before the global auth middleware: login and setup need no session. */
export function authRoutes(deps: AppDeps, options: AuthRoutesOptions = {}): Hono<AppEnv> {
  const { db } = deps.database;
  const app = new Hono<AppEnv>();

  const throttle = options.loginThrottle ?? new LoginThrottle();
  const peer = options.remoteAddress ?? socketAddress;

  app.post('/login', async (c) => {
    const { username, password } = await readJson(c, credentials);
    const address = peer(c);
    // found first (one cheap query, no password work), so the lock follows the account
    const user = await findUserByUsername(db, username);
    const account = accountKey(username, user?.id);
    throttle.check(account, address);
    // unknown names cost the same scrypt work, so timing does not reveal which names exist
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstDummy(password);
    if (!user || !valid || user.disabled) {
      throttle.fail(account, address);
      // the attempted name is recorded, never the password
      await appendAudit(db, undefined, {
        action: 'auth.login.failure',
        target: username.slice(0, 200),
        detail: { address: address ?? null, reason: user?.disabled ? 'disabled' : 'credentials' },
      });
      throw new AppError('unauthorized', 'Invalid username or password');
    }
    throttle.succeed(account);
    const actor = { userId: user.id, username: user.username, role: user.role };
    await appendAudit(db, actor, {
      action: 'auth.login',
      target: user.id,
      detail: { address: address ?? null },
    });
    const session = await createSession(db, user.id);
    setSessionCookie(c, session.token, session.expiresAt);
    return c.json({ user: { id: user.id, username: user.username, role: user.role } });
  });

  app.post('/logout', async (c) => {
    const token = readSessionCookie(c);
    if (token) await deleteSession(db, token);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });

  app.get('/me', requireAuth(deps), (c) => {
    const { userId, username, role, local } = c.get('auth');
    return c.json({ user: { id: userId, username, role, ...(local ? { local } : {}) } });
  });

  app.get('/setup', async (c) => c.json({ needsSetup: (await countUsers(db)) === 0 }));

  app.post('/setup', async (c) => {
    const input = await readJson(c, credentials);
    if ((await countUsers(db)) > 0) throw new AppError('conflict', 'Setup is already done: sign in instead');
    if (!isLoopbackRequest(c, options.remoteAddress)) {
      throw new AppError(
        'forbidden',
        'The first administrator can only be created from the machine Qiao runs on (open http://127.0.0.1:<port>/setup there, or run `npx qiao users create --admin`)',
      );
    }
    const user = await createFirstAdmin(db, input);
    await appendAudit(
      db,
      { userId: user.id, username: user.username, role: user.role },
      { action: 'auth.setup', target: user.id },
    );
    const session = await createSession(db, user.id);
    setSessionCookie(c, session.token, session.expiresAt);
    return c.json({ user: { id: user.id, username: user.username, role: user.role } }, 201);
  });

  return app;
}
