import { randomUUID } from 'node:crypto';
import {
  AppError,
  aigcLabel,
  aiLabelHeaders,
  aiSpokenLabel,
  speechBody,
  type TranscriptionDto,
} from '@qiao/core';
import { Hono } from 'hono';
import { multipartOverheadBytes, readUpload } from '../files/read-upload';
import { sandboxPolicy } from '../files/user-content-headers';
import { outboundPiiHits } from '../gateway/outbound-pii-hits';
import type { AppDeps, AppEnv } from '../http/app-env';
import { limitBody } from '../http/limit-body';
import { readJson } from '../http/read-json';
import { findAudioProvider } from './audio-providers';
import { espeakVoice, espeakWav, hasEspeak, speechLang } from './espeak';
import { labelMp3 } from './mp3-id3-label';
import { speakableText } from './speakable-text';
import { labelWav } from './wav-info-label';

/** About four minutes of speech; providers cap their input near here too (OpenAI: 4,096). */
const maxSpokenChars = 4000;
const audioTypes = /^(audio|video)\/(webm|ogg|wav|x-wav|wave|mpeg|mp3|mp4|m4a|x-m4a|aac|flac)\b/;

/** Mounted at /api: read an answer aloud, and turn a recording into text. */
export function speechRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/speech', async (c) => {
    const body = await readJson(c, speechBody);
    const text = Array.from(speakableText(body.text)).slice(0, maxSpokenChars).join('');
    if (!text) throw new AppError('validation_failed', 'text: there is nothing to read aloud');
    const lang = speechLang(text, body.lang);
    const signal = c.req.raw.signal;
    // Personal data does not go to a cloud voice: espeak-ng reads such text here when it is
    // installed; otherwise the gateway has the cloud voice read each item as its kind.
    const local = hasEspeak() && outboundPiiHits(text).length > 0;
    // Generated speech is AI-generated content (GB 45438-2025): a spoken notice first (explicit
    // label), the label in the file's metadata and in headers (implicit label).
    const spoken = `${aiSpokenLabel[lang]} ${text}`;
    const contentId = randomUUID();
    const label = aigcLabel(contentId);
    for (const [name, value] of Object.entries(aiLabelHeaders(contentId))) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    // a provider's bytes: played as audio, never sniffed into a page on Qiao's origin
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', sandboxPolicy);
    const auth = c.get('auth');
    const mp3 = local
      ? undefined
      : await deps.gateway.speak({
          text: spoken,
          lang,
          signal,
          source: 'chat',
          userId: auth.userId,
          apiKeyId: auth.apiKeyId,
        });
    if (mp3) {
      c.header('Content-Type', 'audio/mpeg');
      return c.body(new Uint8Array(labelMp3(mp3, label)));
    }
    if (!hasEspeak())
      throw new AppError(
        'not_implemented',
        'Reading aloud needs a speech provider or espeak-ng on the server',
      );
    c.header('Content-Type', 'audio/wav');
    return c.body(new Uint8Array(labelWav(await espeakWav(spoken, espeakVoice(text, lang), signal), label)));
  });

  app.post('/transcriptions', limitBody(deps.config.maxUploadBytes + multipartOverheadBytes), async (c) => {
    const provider = await findAudioProvider(deps, 'transcription');
    if (!provider)
      throw new AppError('not_implemented', 'Voice input needs a provider with /audio/transcriptions');
    const file = await readUpload(c, deps.config.maxUploadBytes);
    if (file.type && !audioTypes.test(file.type))
      throw new AppError(
        'unsupported_media_type',
        `Recordings must be audio (webm, ogg, wav, mp3); got ${file.type}`,
      );
    const auth = c.get('auth');
    const text = await deps.gateway.transcribe({
      file,
      signal: c.req.raw.signal,
      source: 'chat',
      userId: auth.userId,
      apiKeyId: auth.apiKeyId,
    });
    if (text === undefined)
      throw new AppError('not_implemented', 'Voice input needs a provider with /audio/transcriptions');
    return c.json({ text } satisfies TranscriptionDto);
  });

  return app;
}
