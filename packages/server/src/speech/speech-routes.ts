import { randomUUID } from 'node:crypto';
import {
  AppError,
  aigcLabel,
  aiLabelHeaders,
  aiSpokenLabel,
  detectPii,
  speechBody,
  type TranscriptionDto,
} from '@qiao/core';
import { Hono } from 'hono';
import { multipartOverheadBytes, readUpload } from '../files/read-upload';
import type { AppDeps, AppEnv } from '../http/app-env';
import { limitBody } from '../http/limit-body';
import { readJson } from '../http/read-json';
import { findAudioProvider } from './audio-providers';
import { espeakVoice, espeakWav, hasEspeak, speechLang } from './espeak';
import { labelMp3 } from './mp3-id3-label';
import { providerSpeech, providerTranscription } from './provider-audio';
import { speakableText } from './speakable-text';
import { spokenWithoutPii } from './spoken-without-pii';
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
    const provider = await findAudioProvider(deps, 'speech');
    // Personal data does not go to a cloud voice (the PII default for every cloud provider):
    // espeak-ng reads such text here, or else the cloud voice reads each item as its kind.
    const pii = provider ? detectPii(text) : [];
    const cloud = pii.length > 0 && hasEspeak() ? undefined : provider;
    // Generated speech is AI-generated content (GB 45438-2025): a spoken notice first (explicit
    // label), the label in the file's metadata and in headers (implicit label).
    const spoken = `${aiSpokenLabel[lang]} ${cloud ? spokenWithoutPii(text, pii, lang) : text}`;
    const contentId = randomUUID();
    const label = aigcLabel(contentId);
    for (const [name, value] of Object.entries(aiLabelHeaders(contentId))) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    if (cloud) {
      c.header('Content-Type', 'audio/mpeg');
      return c.body(new Uint8Array(labelMp3(await providerSpeech(cloud, spoken, signal), label)));
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
    const text = await providerTranscription(provider, file, c.req.raw.signal);
    return c.json({ text } satisfies TranscriptionDto);
  });

  return app;
}
