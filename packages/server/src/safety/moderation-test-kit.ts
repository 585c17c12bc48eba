import { Hono } from 'hono';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { AppEnv, AuthContext } from '../http/app-env';
import { errorResponse } from '../http/error-response';
import { auditRoutes } from './audit-routes';
import { lexiconTermRoutes } from './lexicon-term-routes';
import { moderationRoutes } from './moderation-routes';

const admin: AuthContext = { userId: 'a', username: 'admin', role: 'admin' };
const member: AuthContext = { userId: 'm', username: 'member', role: 'member' };

/**
 * Test-only: the moderation, lexicon-term and audit routes on a fresh database, without the
 * rest of the app. `call` acts as an admin or a member; a path without /api/ is under
 * /api/admin/moderation.
 */
export async function startModerationTestApp() {
  const database = await createTestDatabase();
  const config = loadConfig({ QIAO_DATA_DIR: '/tmp/qiao-moderation-test' }, { ensureSecret: false });
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.use('*', async (c, next) => {
    c.set('auth', c.req.header('x-test-role') === 'admin' ? admin : member);
    await next();
  });
  const deps = { config, database, gateway: undefined as never };
  app.route('/api/admin/moderation', moderationRoutes(deps));
  app.route('/api/admin/moderation', lexiconTermRoutes(deps));
  app.route('/api/admin/audit', auditRoutes(deps));

  const call = (method: string, path: string, role: 'admin' | 'member', body?: unknown) =>
    app.request(path.startsWith('/api/') ? path : `/api/admin/moderation${path}`, {
      method,
      headers: { 'x-test-role': role, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { database, app, call, close: () => database.close() };
}

export type ModerationTestApp = Awaited<ReturnType<typeof startModerationTestApp>>;
