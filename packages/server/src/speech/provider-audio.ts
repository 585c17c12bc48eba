import { AppError, toAppError } from '@qiao/core';
import type { AudioProvider } from './audio-providers';

const audioTimeoutMs = 60_000;

function headers(audio: AudioProvider): Record<string, string> {
  return audio.provider.apiKey ? { authorization: `Bearer ${audio.provider.apiKey}` } : {};
}

async function call(url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  const timeout = AbortSignal.timeout(audioTimeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    if (timeout.aborted) throw new AppError('upstream_timeout', 'The audio provider did not answer in time');
    throw new AppError('upstream_unavailable', 'The audio provider could not be reached', { cause: error });
  }
  if (!res.ok) {
    const detail = (await res.text().catch(() => '')).slice(0, 300);
    throw new AppError('upstream_error', `The audio provider answered ${res.status}: ${detail}`);
  }
  return res;
}

/** MP3 bytes from the provider's OpenAI-style `/audio/speech`. */
export async function providerSpeech(
  audio: AudioProvider,
  text: string,
  signal?: AbortSignal,
): Promise<Buffer> {
  const res = await call(
    `${audio.provider.baseUrl}/audio/speech`,
    {
      method: 'POST',
      headers: { ...headers(audio), 'content-type': 'application/json' },
      body: JSON.stringify({ model: audio.model, voice: audio.voice, input: text, response_format: 'mp3' }),
    },
    signal,
  );
  return Buffer.from(await res.arrayBuffer());
}

/** Text of a recording from the provider's OpenAI-style `/audio/transcriptions`. */
export async function providerTranscription(
  audio: AudioProvider,
  file: File,
  signal?: AbortSignal,
): Promise<string> {
  const form = new FormData();
  form.set('model', audio.model);
  form.set('file', file, file.name || 'recording.webm');
  const res = await call(
    `${audio.provider.baseUrl}/audio/transcriptions`,
    { method: 'POST', headers: headers(audio), body: form },
    signal,
  );
  try {
    const body = (await res.json()) as { text?: unknown };
    if (typeof body.text !== 'string') throw new TypeError('no text in the reply');
    return body.text;
  } catch (error) {
    throw toAppError(error, 'upstream_error');
  }
}
