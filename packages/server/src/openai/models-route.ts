import { AppError } from '@qiao/core';
import { Hono } from 'hono';
import { modelAllowed } from '../access/model-allowed';
import { agentModelIds } from '../agents/agent-model-ids';
import { currentAuth } from '../auth/current-auth';
import type { AppDeps, AppEnv, AuthContext } from '../http/app-env';

interface OpenAIModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/**
 * GET /v1/models: every reachable `provider/model`, the configured aliases and the caller's
 * agents — only those the caller's API key may use when it has a model allow-list.
 */
export function modelsRoute(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const list = async (auth: AuthContext): Promise<OpenAIModel[]> => {
    const models: OpenAIModel[] = (await deps.gateway.listModels()).map((model) => ({
      id: model.id,
      object: 'model',
      created: 0,
      owned_by: model.provider,
    }));
    for (const alias of Object.keys(deps.config.aliases))
      models.push({ id: alias, object: 'model', created: 0, owned_by: 'qiao' });
    for (const id of await agentModelIds(deps.database.db, auth))
      models.push({ id, object: 'model', created: 0, owned_by: 'qiao-agent' });
    const allowed = auth.keyPolicy?.models;
    return allowed ? models.filter((model) => modelAllowed(allowed, model.id)) : models;
  };

  app.get('/models', async (c) => c.json({ object: 'list', data: await list(currentAuth(c)) }));

  // Model ids contain a slash (provider/model), so the rest of the path is the id.
  app.get('/models/:id{.+}', async (c) => {
    const id = c.req.param('id');
    const auth = currentAuth(c);
    const allowed = auth.keyPolicy?.models;
    if (allowed && !modelAllowed(allowed, id))
      throw new AppError('forbidden', `This API key may not use model "${id}"`, {
        details: { models: allowed },
      });
    const listed = (await list(auth)).find((entry) => entry.id === id);
    if (listed) return c.json(listed);
    // resolve throws model_not_found (with the valid ids) for anything unknown
    const [info] = await deps.gateway.resolve(id);
    return c.json({
      id,
      object: 'model',
      created: 0,
      owned_by: info?.provider ?? 'qiao',
    } satisfies OpenAIModel);
  });

  return app;
}
