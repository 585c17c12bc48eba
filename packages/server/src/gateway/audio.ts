import { AppError, toAppError } from '@qiao/core';
import { pickAudioProvider } from '../speech/audio-providers';
import { spokenWithoutPii } from '../speech/spoken-without-pii';
import type { SpeechRequest, TranscriptionRequest } from './gateway';
import type { ModelCatalog } from './model-catalog';
import type { RecordRedaction } from './outbound-pii';
import { outboundPiiHits } from './outbound-pii-hits';
import { bearer, upstreamCall } from './upstream-call';

const audioTimeoutMs = 60_000;

interface AudioDeps {
  catalog: ModelCatalog;
  recordRedaction: RecordRedaction;
}

async function audioProvider(deps: AudioDeps, use: 'speech' | 'transcription') {
  const entries = await deps.catalog.entries();
  return pickAudioProvider(
    [...entries.values()].map((entry) => entry.config),
    use,
  );
}

async function ok(res: Response): Promise<Response> {
  if (res.ok) return res;
  const detail = (await res.text().catch(() => '')).slice(0, 300);
  throw new AppError('upstream_error', `The audio provider answered ${res.status}: ${detail}`);
}

/**
 * MP3 from the provider's OpenAI-style `/audio/speech`. Audio cannot be restored the way a
 * streamed answer is, so the cloud voice reads each piece of personal data as its kind.
 */
export async function speakText(deps: AudioDeps, request: SpeechRequest): Promise<Buffer | undefined> {
  const audio = await audioProvider(deps, 'speech');
  if (!audio) return undefined;
  const hits = outboundPiiHits(request.text);
  deps.recordRedaction('speech', hits, { ...request, model: `${audio.provider.id}/${audio.model}` });
  const res = await upstreamCall(`${audio.provider.baseUrl}/audio/speech`, {
    method: 'POST',
    headers: { ...bearer(audio.provider.apiKey), 'content-type': 'application/json' },
    body: JSON.stringify({
      model: audio.model,
      voice: audio.voice,
      input: spokenWithoutPii(request.text, hits, request.lang),
      response_format: 'mp3',
    }),
    signal: request.signal,
    timeoutMs: audioTimeoutMs,
    what: 'The audio provider',
  });
  return Buffer.from(await (await ok(res)).arrayBuffer());
}

/**
 * Text of a recording from the provider's OpenAI-style `/audio/transcriptions`. A voice is
 * not text: nothing can be redacted from it before it leaves (docs/safety.md, the outbound
 * boundary); the transcript comes back to the composer, and from there a message is redacted
 * like any other.
 */
export async function transcribeAudio(
  deps: AudioDeps,
  request: TranscriptionRequest,
): Promise<string | undefined> {
  const audio = await audioProvider(deps, 'transcription');
  if (!audio) return undefined;
  const form = new FormData();
  form.set('model', audio.model);
  form.set('file', request.file, request.file.name || 'recording.webm');
  const res = await upstreamCall(`${audio.provider.baseUrl}/audio/transcriptions`, {
    method: 'POST',
    headers: bearer(audio.provider.apiKey),
    body: form,
    signal: request.signal,
    timeoutMs: audioTimeoutMs,
    what: 'The audio provider',
  });
  try {
    const body = (await (await ok(res)).json()) as { text?: unknown };
    if (typeof body.text !== 'string') throw new TypeError('no text in the reply');
    return body.text;
  } catch (error) {
    throw toAppError(error, 'upstream_error');
  }
}
