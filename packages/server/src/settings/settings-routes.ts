import { updateSettingsBody } from '@qiao/core';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { getSettings, updateSettings } from './settings-store';

/** Mounted at /api/me/settings: the signed-in user's preferences. */
export function settingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  app.get('/', async (c) => c.json(await getSettings(db, c.get('auth').userId)));

  app.patch('/', async (c) => {
    const body = await readJson(c, updateSettingsBody);
    // an unknown model fails now (404 with the valid ids), not at the next chat
    if (body.defaultModel) await deps.gateway.resolve(body.defaultModel);
    return c.json(await updateSettings(db, c.get('auth').userId, body));
  });

  return app;
}
