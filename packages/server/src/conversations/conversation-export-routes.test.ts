import { aiDocumentLabel, type ConversationExportDto } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';

let t: ChatTestApp;
let conversationId: string;
beforeAll(async () => {
  t = await startChatTestApp();
  const { id } = await newConversation(t, { model: 'openai/fixture-chat', title: '杭州 天气' });
  conversationId = id;
  for (const content of ['明天杭州下雨吗？', 'And the day after?']) {
    const res = await t.request(`/api/conversations/${id}/messages`, { method: 'POST', json: { content } });
    await res.text();
  }
}, 60_000);
afterAll(() => t?.close());

const exported = (format?: string, key?: string) =>
  t.request(`/api/conversations/${conversationId}/export${format ? `?format=${format}` : ''}`, { key });

test('JSON export: the thread, the explicit label and the implicit one (content attribute, producer, id)', async () => {
  const res = await exported('json');
  expect(res.status).toBe(200);
  expect(res.headers.get('x-ai-generated')).toBe('true');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  const contentId = res.headers.get('x-ai-content-id');
  expect(res.headers.get('content-disposition')).toContain(
    `filename*=UTF-8''${encodeURIComponent('杭州 天气.json')}`,
  );
  const doc = (await res.json()) as ConversationExportDto;
  expect(doc.label).toBe(aiDocumentLabel);
  expect(doc.metadata).toMatchObject({
    contentId,
    producer: 'Qiao',
    aiGenerated: true,
    models: ['openai/fixture-chat'],
    AIGC: { Label: '1', ContentProducer: 'Qiao', ProduceID: contentId },
  });
  expect(doc.messages.map((m) => [m.role, m.content, m.aiGenerated])).toEqual([
    ['user', '明天杭州下雨吗？', false],
    ['assistant', 'Echo: 明天杭州下雨吗？', true],
    ['user', 'And the day after?', false],
    ['assistant', 'Echo: And the day after?', true],
  ]);
});

test('Markdown export (the default): front matter with the label, the label shown top and bottom', async () => {
  const res = await exported();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/markdown');
  const text = await res.text();
  const front = text.split('\n---\n')[0]!.split('\n').slice(1);
  const field = (name: string) =>
    JSON.parse(front.find((l) => l.startsWith(`${name}: `))!.slice(name.length + 2));
  expect(field('ai_generated')).toBe(true);
  expect(field('producer')).toBe('Qiao');
  expect(field('content_id')).toBe(res.headers.get('x-ai-content-id'));
  expect(field('AIGC')).toMatchObject({
    Label: '1',
    ContentProducer: 'Qiao',
    ProduceID: field('content_id'),
  });
  expect(text.split(`> ${aiDocumentLabel}`)).toHaveLength(3);
  expect(text).toContain('## AI 回答 AI-generated answer (openai/fixture-chat)\n\nEcho: 明天杭州下雨吗？');
});

test('only the owner exports; a bad format is a 400', async () => {
  const bob = await t.addUser('bob');
  expect((await exported('md', bob.key)).status).toBe(404);
  const bad = await exported('pdf');
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
});
