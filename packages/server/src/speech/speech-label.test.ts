import { aiSpokenLabel } from '@qiao/core';
import { parseBuffer } from 'music-metadata';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureSpeech } from '../../test/fixtures/openai-fixture-audio';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { createApp } from '../app';
import { createGateway, type QiaoGateway } from '../gateway/create-gateway';
import { hasEspeak } from './espeak';

/** Generated speech carries the AI label (GB 45438-2025): spoken first, and in the file's metadata. */
let t: ChatTestApp;
let offline: ReturnType<typeof createApp>;
let offlineGateway: QiaoGateway;
beforeAll(async () => {
  t = await startChatTestApp();
  // provider calls go through the gateway: the offline app gets one without providers too
  const config = { ...t.deps.config, providers: {} };
  offlineGateway = await createGateway({ config, database: t.database });
  offline = createApp({ ...t.deps, config, gateway: offlineGateway });
});
afterAll(async () => {
  await offlineGateway?.close();
  await t?.close();
});

const speak = (app: ReturnType<typeof createApp>, text: string) =>
  app.request('/api/speech', {
    method: 'POST',
    headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });

/** The GB 45438 label as a metadata reader (music-metadata) finds it in the file. */
const labelIn = (tags: { id: string; value: unknown }[]) => {
  const tag = tags.find((x) => x.id === 'TXXX:AIGC' || x.id === 'ICMT');
  const value = tag?.value as string | { text: string } | undefined;
  return JSON.parse(typeof value === 'string' ? value : (value?.text ?? 'null'));
};

test('provider speech (MP3): ID3 label with content attribute, producer and content id; spoken notice', async () => {
  const res = await speak(t.app, 'Tomorrow will be sunny.');
  expect(res.status).toBe(200);
  const contentId = res.headers.get('x-ai-content-id');
  expect(contentId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get('x-ai-producer')).toBe('Qiao');
  const audio = Buffer.from(await res.arrayBuffer());
  // the fixture's "audio" is a fake that starts with ID3 itself: read our tag alone
  const tagEnd = 10 + ((audio[6]! << 21) | (audio[7]! << 14) | (audio[8]! << 7) | audio[9]!);
  const meta = await parseBuffer(audio.subarray(0, tagEnd), { mimeType: 'audio/mpeg' });
  const native = meta.native['ID3v2.3'] ?? [];
  expect(labelIn(native)).toEqual({
    AIGC: expect.objectContaining({ Label: '1', ContentProducer: 'Qiao', ProduceID: contentId }),
  });
  expect(native.find((x) => x.id === 'TENC')?.value).toBe('Qiao');
  expect(audio.subarray(audio.length - fixtureSpeech.length)).toEqual(fixtureSpeech);
  const call = t.fixture.requests.findLast((r) => r.path === '/v1/audio/speech');
  expect(call?.body.input).toBe(`${aiSpokenLabel.en} Tomorrow will be sunny.`);
});

test.skipIf(!hasEspeak())(
  `espeak-ng speech (WAV): LIST/INFO label, sizes that readers accept${hasEspeak() ? '' : ' (skipped: espeak-ng is not installed)'}`,
  async () => {
    const res = await speak(offline, '明天杭州下雨吗？');
    expect(res.status).toBe(200);
    const contentId = res.headers.get('x-ai-content-id');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const meta = await parseBuffer(wav, { mimeType: 'audio/wav' });
    const info = meta.native.exif ?? meta.native.INFO ?? Object.values(meta.native).flat();
    expect(labelIn(info)).toEqual({ AIGC: expect.objectContaining({ Label: '1', ProduceID: contentId }) });
    // the notice is spoken too: the labelled answer is longer than the bare one
    expect(meta.format.duration).toBeGreaterThan(2);
  },
);
