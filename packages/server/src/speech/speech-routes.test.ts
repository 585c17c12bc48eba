import { aiSpokenLabel } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureSpeech, fixtureTranscript } from '../../test/fixtures/openai-fixture-audio';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { createApp } from '../app';
import { createGateway, type QiaoGateway } from '../gateway/create-gateway';
import { hasEspeak } from './espeak';

let t: ChatTestApp;
/** the same app without any provider: speech falls back to espeak-ng, transcription is off */
let offline: ReturnType<typeof createApp>;
let offlineGateway: QiaoGateway;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_MAX_UPLOAD_BYTES: '2000' } });
  // provider calls go through the gateway: the offline app gets one without providers too
  const config = { ...t.deps.config, providers: {} };
  offlineGateway = await createGateway({ config, database: t.database });
  offline = createApp({ ...t.deps, config, gateway: offlineGateway });
});
afterAll(async () => {
  await offlineGateway?.close();
  await t?.close();
});

const speak = (app: ReturnType<typeof createApp>, json: unknown) =>
  app.request('/api/speech', {
    method: 'POST',
    headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });

const recording = (bytes = 100, type = 'audio/webm') => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], 'voice.webm', { type }));
  return form;
};

test('speech goes to the provider /audio/speech when one is configured, labelled AI-generated', async () => {
  const res = await speak(t.app, { text: '你好，世界' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('audio/mpeg');
  expect(res.headers.get('x-ai-generated')).toBe('true');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  // the provider's audio comes back whole, after the metadata label (speech-label.test.ts)
  const audio = Buffer.from(await res.arrayBuffer());
  expect(audio.subarray(audio.length - fixtureSpeech.length)).toEqual(fixtureSpeech);
  const call = t.fixture.requests.findLast((r) => r.path === '/v1/audio/speech');
  expect(call?.body).toMatchObject({ model: 'tts-1', input: `${aiSpokenLabel['zh-CN']} 你好，世界` });

  await speak(t.app, { text: `**重点**：${'长'.repeat(5000)}` });
  const long = t.fixture.requests.findLast((r) => r.path === '/v1/audio/speech');
  const read = String(long?.body.input).slice(aiSpokenLabel['zh-CN'].length + 1);
  expect(Array.from(read)).toHaveLength(4000);
  expect(read.startsWith('重点：')).toBe(true);
});

test('speech input is checked', async () => {
  expect((await speak(t.app, { text: '' })).status).toBe(400);
  expect((await speak(t.app, { text: 'x'.repeat(100_001) })).status).toBe(400);
  expect((await speak(t.app, { text: '```\ncode only\n```' })).status).toBe(400);
  expect((await speak(t.app, { text: 'hi', lang: 'fr' })).status).toBe(400);
  expect((await t.app.request('/api/speech', { method: 'POST' })).status).toBe(401);
});

// espeak-ng is a Debian package (.ci/run installs it); without it this test is reported skipped
test.skipIf(!hasEspeak())(
  `without a provider espeak-ng speaks: WAV for Chinese and English${hasEspeak() ? '' : ' (skipped: espeak-ng is not installed)'}`,
  async () => {
    for (const text of ['明天杭州下雨吗？', 'Hello there; $(rm -rf /) --help']) {
      const res = await speak(offline, { text });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(res.headers.get('x-ai-generated')).toBe('true');
      const wav = Buffer.from(await res.arrayBuffer());
      expect(wav.subarray(0, 4).toString()).toBe('RIFF');
      expect(wav.length).toBeGreaterThan(10_000);
    }
    const caps = (await (
      await offline.request('/api/capabilities', { headers: { authorization: `Bearer ${t.key}` } })
    ).json()) as any;
    expect(caps).toMatchObject({ tts: 'espeak', transcription: false });
  },
);

test.skipIf(!hasEspeak())(
  `text with personal data is read by espeak-ng on the server, never sent to the cloud voice${hasEspeak() ? '' : ' (skipped: espeak-ng is not installed)'}`,
  async () => {
    const before = t.fixture.requests.filter((r) => r.path === '/v1/audio/speech').length;
    const res = await speak(t.app, { text: '我的手机号是 13812345678，请回电' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('x-ai-generated')).toBe('true');
    expect(t.fixture.requests.filter((r) => r.path === '/v1/audio/speech')).toHaveLength(before);
  },
);

test('transcription goes to the provider /audio/transcriptions; 501 without one', async () => {
  const res = await t.request('/api/transcriptions', { method: 'POST', body: recording() });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ text: fixtureTranscript });
  const call = t.fixture.requests.findLast((r) => r.path === '/v1/audio/transcriptions');
  expect(call?.body).toMatchObject({ model: 'whisper-1', fileName: 'voice.webm' });

  const none = await offline.request('/api/transcriptions', {
    method: 'POST',
    body: recording(),
    headers: { authorization: `Bearer ${t.key}` },
  });
  expect(none.status).toBe(501);
  expect(((await none.json()) as any).error.code).toBe('not_implemented');
});

test('transcription refuses big files, non-audio and missing files with clear errors', async () => {
  const big = await t.request('/api/transcriptions', { method: 'POST', body: recording(2001) });
  expect(big.status).toBe(413);
  const text = await t.request('/api/transcriptions', { method: 'POST', body: recording(10, 'text/plain') });
  expect(text.status).toBe(415);
  const empty = await t.request('/api/transcriptions', { method: 'POST', body: new FormData() });
  expect(empty.status).toBe(400);
  const json = await t.request('/api/transcriptions', { method: 'POST', json: { file: 'x' } });
  expect(json.status).toBe(415);
});
