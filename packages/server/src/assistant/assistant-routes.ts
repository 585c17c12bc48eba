import { assistantQuery, type CapabilitiesDto } from '@qiao/core';
import { Hono } from 'hono';
import { readQuery } from '../chat/read-query';
import type { AppDeps, AppEnv } from '../http/app-env';
import { findAudioProvider } from '../speech/audio-providers';
import { hasEspeak } from '../speech/espeak';
import { defaultAssistant, pickLanguage } from './default-assistant';

/** Mounted at /api: the default assistant's welcome and what this server can do. */
export function assistantRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/assistant', (c) => {
    const { lang } = readQuery(c, assistantQuery);
    return c.json(defaultAssistant[pickLanguage(lang, c.req.header('accept-language'))]);
  });

  app.get('/capabilities', async (c) => {
    const [speech, transcription] = await Promise.all([
      findAudioProvider(deps, 'speech'),
      findAudioProvider(deps, 'transcription'),
    ]);
    return c.json({
      tts: speech ? 'provider' : hasEspeak() ? 'espeak' : null,
      transcription: transcription !== undefined,
      maxUploadBytes: deps.config.maxUploadBytes,
    } satisfies CapabilitiesDto);
  });

  return app;
}
