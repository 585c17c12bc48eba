import { AppError, type ProviderModelsReply, providerModelsBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { offeredModelIds } from './offered-model-ids';
import { buildProviderConfigs } from './provider-config';
import { deleteStoredProvider, listStoredProviders, saveProviderModels } from './provider-store';

/**
 * Mounted under /api/providers behind requireAdmin: which of a provider's models Qiao serves.
 * The choice is instance-wide: a disabled model leaves GET /api/models, /v1/models and the
 * picker for every user, and requests naming it are refused like any unknown model.
 */
export function providerModelRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config, database, gateway } = deps;

  const find = async (id: string) => {
    const stored = await listStoredProviders(database.db, config.secret);
    const provider = buildProviderConfigs(config, stored).find((p) => p.id === id);
    if (!provider) throw new AppError('not_found', `Provider '${id}' is not configured`);
    return { provider, row: stored.find((r) => r.id === id) };
  };

  app.get('/:id/models', async (c) => {
    const { provider, row } = await find(c.req.param('id'));
    const chosen = row?.models?.length ? row.models : undefined;
    const ids = [...new Set([...(await offeredModelIds(provider)), ...(chosen ?? [])])];
    return c.json({
      models: ids.map((id) => ({ id, enabled: !chosen || chosen.includes(id) })),
      allEnabled: !chosen,
    } satisfies ProviderModelsReply);
  });

  app.put('/:id/models', async (c) => {
    const { provider, row } = await find(c.req.param('id'));
    const { enabled } = await readJson(c, providerModelsBody);
    if (!enabled && row && !row.baseUrl && !row.hasApiKey) {
      // the row only held a model choice for an env-configured provider: back to the env alone
      await deleteStoredProvider(database.db, provider.id);
    } else {
      await saveProviderModels(database.db, {
        id: provider.id,
        kind: provider.protocol,
        preset: provider.preset,
        models: enabled ? [...new Set(enabled)] : null,
      });
    }
    gateway.reloadProviders?.();
    return c.body(null, 204);
  });

  return app;
}
