import { AppError, type ModelsReply } from '@qiao/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { isVisionModel } from '../assistant/vision-models';
import { requireAdmin } from '../auth/require-admin';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { providerModelRoutes } from './provider-model-routes';
import { isBuiltinProvider, providerPresets } from './provider-presets';
import { deleteStoredProvider, listStoredProviders, upsertStoredProvider } from './provider-store';
import { providerViews } from './provider-views';

const providerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'provider ids are lowercase letters, digits and dashes');

const providerBody = z
  .object({
    id: providerId.optional(),
    preset: z.string().refine(isBuiltinProvider, 'is not a built-in provider').optional(),
    kind: z.enum(['openai-compatible', 'anthropic']).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** omitted keeps the stored key, '' removes it */
    apiKey: z.string().max(4096).optional(),
    models: z.array(z.string().min(1)).max(1000).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => body.id || body.preset, { message: 'id or preset is required' })
  .refine((body) => body.preset || body.baseUrl, {
    message: 'baseUrl is required for a provider without a preset',
  });

/** Mounted at /api: the model list for everyone, provider administration for admins. */
export function providerRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config, database, gateway } = deps;

  app.get('/models', async (c) => {
    const models = await gateway.listModels({ refresh: c.req.query('refresh') === '1' });
    return c.json({
      models: models.map((model) => ({ ...model, vision: isVisionModel(model) })),
      aliases: config.aliases,
      defaultModel: config.defaultModel ?? null,
    } satisfies ModelsReply);
  });

  app.use('/providers', requireAdmin);
  app.use('/providers/*', requireAdmin);
  app.route('/providers', providerModelRoutes(deps));

  app.get('/providers', async (c) => {
    const stored = await listStoredProviders(database.db, config.secret);
    return c.json({ providers: providerViews(config, stored) });
  });

  app.post('/providers', async (c) => {
    const body = await readJson(c, providerBody);
    const id = (body.id ?? body.preset)!;
    if (id === 'local') throw new AppError('bad_request', "'local' is reserved for the in-process runtime");
    const preset = body.preset && isBuiltinProvider(body.preset) ? providerPresets[body.preset] : undefined;
    await upsertStoredProvider(database.db, config.secret, {
      id,
      kind: body.kind ?? preset?.protocol ?? 'openai-compatible',
      preset: body.preset,
      baseUrl: body.baseUrl,
      apiKey: body.apiKey,
      models: body.models,
      enabled: body.enabled,
    });
    gateway.reloadProviders?.();
    const stored = await listStoredProviders(database.db, config.secret);
    return c.json({ provider: providerViews(config, stored).find((view) => view.id === id) }, 201);
  });

  app.delete('/providers/:id', async (c) => {
    await deleteStoredProvider(database.db, c.req.param('id'));
    gateway.reloadProviders?.();
    return c.body(null, 204);
  });

  app.post('/providers/:id/test', async (c) => {
    const id = c.req.param('id');
    if (!gateway.checkProviders) throw new AppError('not_implemented', 'This gateway cannot check providers');
    const [check] = await gateway.checkProviders([id]);
    if (!check) throw new AppError('not_found', `Provider '${id}' is not configured`);
    return c.json(check);
  });

  return app;
}
