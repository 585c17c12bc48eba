import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { isVisionModel } from './vision-models';

let t: ChatTestApp;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_MAX_UPLOAD_BYTES: '1234567' } });
});
afterAll(() => t?.close());

test('the default assistant greets in the asked language, else the browser one', async () => {
  const zh = (await (await t.request('/api/assistant?lang=zh-CN')).json()) as any;
  expect(zh.greeting).toContain('桥');
  expect(zh.suggestions).toContain('今天几号？');
  expect(zh.suggestions.length).toBeGreaterThanOrEqual(3);
  expect(zh.suggestions.length).toBeLessThanOrEqual(5);

  const en = (await (
    await t.request('/api/assistant', { headers: { 'accept-language': 'en-US,en' } })
  ).json()) as any;
  expect(en.name).toBe('Qiao');
  expect(en.suggestions.length).toBe(4);

  expect((await t.request('/api/assistant?lang=fr')).status).toBe(400);
  expect((await t.app.request('/api/assistant')).status).toBe(401);
});

test('capabilities: provider speech and transcription with an OpenAI provider, the upload limit', async () => {
  const res = await t.request('/api/capabilities');
  expect(await res.json()).toEqual({ tts: 'provider', transcription: true, maxUploadBytes: 1234567 });
});

test('GET /api/models marks the models that see images', async () => {
  const { models } = (await (await t.request('/api/models')).json()) as any;
  const byId = new Map(models.map((m: any) => [m.id, m.vision]));
  expect(byId.get('openai/gpt-4o-mini')).toBe(true);
  expect(byId.get('openai/fixture-chat')).toBe(false);
});

test('vision comes from the catalog first, then from name patterns', () => {
  const v = (providerModel: string, supportsVision?: boolean) =>
    isVisionModel({ providerModel, supportsVision });
  for (const name of [
    'qwen-vl-max',
    'qwen2.5-vl-72b-instruct',
    'glm-4v-plus',
    'glm-4.5v',
    'claude-3-5-sonnet',
    'doubao-1-5-vision-pro',
  ])
    expect(v(name), name).toBe(true);
  for (const name of ['deepseek-chat', 'qwen-max', 'glm-4-plus', 'moonshot-v1-8k'])
    expect(v(name), name).toBe(false);
  expect(v('gpt-4o', false)).toBe(false);
});
