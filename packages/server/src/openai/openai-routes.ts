import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { chatCompletionsRoute } from './chat-completions-route';
import { embeddingsRoute } from './embeddings-route';
import { modelsRoute } from './models-route';

/** The OpenAI-compatible API under /v1 (errors there are rendered in OpenAI's shape). */
export function openaiRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', chatCompletionsRoute(deps));
  app.route('/', modelsRoute(deps));
  app.route('/', embeddingsRoute(deps));
  return app;
}
