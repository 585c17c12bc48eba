import { AppError } from '@qiao/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authRoutes } from './auth/auth-routes';
import { requireAuth } from './auth/require-auth';
import { conversationRoutes } from './chat/conversation-routes';
import type { AppDeps, AppEnv } from './http/app-env';
import { errorResponse, notFound } from './http/error-response';
import { serveWeb } from './http/serve-web';
import { openaiRoutes } from './openai/openai-routes';
import { providerRoutes } from './providers/provider-routes';
import { apiKeyRoutes } from './users/api-key-routes';
import { userRoutes } from './users/user-routes';

/** The whole HTTP surface; tests call `createApp(deps).request(...)` directly. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((error, c) => errorResponse(c, error));
  app.notFound(notFound);

  app.get('/health', async (c) => c.json({ status: 'ok', database: deps.database.kind }));

  const limit = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new AppError('payload_too_large', `Request body exceeds ${deps.config.maxBodyBytes} bytes`);
    },
  });
  app.use('/api/*', limit);
  app.use('/v1/*', limit);

  // Sign-in and first-run setup are reachable without a session; everything else is not.
  app.route('/api/auth', authRoutes(deps));
  app.use('/api/*', requireAuth(deps));
  app.use('/v1/*', requireAuth(deps));

  app.route('/api/users', userRoutes(deps));
  app.route('/api/keys', apiKeyRoutes(deps));
  app.route('/api', providerRoutes(deps));
  app.route('/api/conversations', conversationRoutes(deps));
  app.route('/v1', openaiRoutes(deps));

  app.route('/', serveWeb());
  return app;
}
