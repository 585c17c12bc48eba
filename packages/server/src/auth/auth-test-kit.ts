import { Hono } from 'hono';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { AppDeps, AppEnv } from '../http/app-env';
import { errorResponse } from '../http/error-response';
import { apiKeyRoutes } from '../users/api-key-routes';
import { userRoutes } from '../users/user-routes';
import { authRoutes } from './auth-routes';
import type { RemoteAddress } from './loopback';
import { requireAuth } from './require-auth';

/**
 * Test-only: the auth surface mounted the way app.ts mounts it, plus /api/whoami and
 * /v1/whoami that echo the caller.
 */
export async function createAuthTestKit(
  options: { remoteAddress?: RemoteAddress; localToken?: string } = {},
) {
  const database = await createTestDatabase();
  const deps: AppDeps = {
    config: loadConfig({}, { ensureSecret: false }),
    database,
    gateway: undefined as never,
    localToken: options.localToken,
  };
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.route('/api/auth', authRoutes(deps, { remoteAddress: options.remoteAddress }));
  app.use('/api/*', requireAuth(deps));
  app.use('/v1/*', requireAuth(deps));
  app.route('/api/users', userRoutes(deps));
  app.route('/api/keys', apiKeyRoutes(deps));
  app.get('/api/whoami', (c) => c.json(c.get('auth')));
  app.get('/v1/whoami', (c) => c.json(c.get('auth')));

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return app.request(path, {
      ...rest,
      headers,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  };

  /** Signs in and returns the Cookie header value for later requests. */
  const login = async (username: string, password: string): Promise<string> => {
    const res = await request('/api/auth/login', { method: 'POST', json: { username, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    return cookieFrom(res);
  };

  return { app, deps, db: database.db, request, login, close: () => database.close() };
}

export function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}
