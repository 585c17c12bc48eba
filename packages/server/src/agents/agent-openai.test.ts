import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';

let t: ChatTestApp;
let server: ReturnType<typeof serve>;
let client: OpenAI;

beforeAll(async () => {
  t = await startChatTestApp({ env: { QIAO_DEFAULT_MODEL: 'openai/fixture-chat' } });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  client = new OpenAI({ baseURL, apiKey: t.key, maxRetries: 0, timeout: 10_000 });
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

test('agents are models: listed as agent/<slug> and answering with their persona', async () => {
  const created = await t.request('/api/agents', {
    method: 'POST',
    json: {
      name: 'Pirate',
      slug: 'pirate',
      persona: 'You talk like a pirate.',
      params: { temperature: 1.3 },
    },
  });
  expect(created.status).toBe(201);

  const ids = (await client.models.list()).data.map((m) => m.id);
  expect(ids).toEqual(expect.arrayContaining(['agent/pirate', 'agent/translator', 'openai/fixture-chat']));

  const completion = await client.chat.completions.create({
    model: 'agent/pirate',
    messages: [
      { role: 'system', content: 'The user is called Ann.' },
      { role: 'user', content: 'Hello' },
    ],
  });
  expect(completion.model).toBe('agent/pirate');
  const sent = t.fixture.requests.at(-1)!.body as any;
  expect(sent.model).toBe('fixture-chat');
  expect(sent.temperature).toBe(1.3);
  expect(sent.messages.map((m: any) => [m.role, m.content])).toEqual([
    ['system', 'You talk like a pirate.'],
    ['system', 'The user is called Ann.'],
    ['user', 'Hello'],
  ]);

  const stream = await client.chat.completions.create({
    model: 'agent/translator',
    stream: true,
    messages: [{ role: 'user', content: '你好' }],
  });
  let text = '';
  for await (const chunk of stream) {
    expect(chunk.model).toBe('agent/translator');
    text += chunk.choices[0]?.delta.content ?? '';
  }
  expect(text).toContain('你好');
  expect((t.fixture.requests.at(-1)!.body as any).messages[0].content).toMatch(
    /professional translator|专业译者/,
  );
});

test('a plaza agent on /v1 speaks the Accept-Language the client sends, else Chinese', async () => {
  const ask = async (headers?: Record<string, string>) => {
    await client.chat.completions.create(
      { model: 'agent/translator', messages: [{ role: 'user', content: 'hi' }] },
      { headers },
    );
    return (t.fixture.requests.at(-1)!.body as any).messages[0].content as string;
  };
  expect(await ask({ 'accept-language': 'en-GB' })).toContain('You are a professional translator.');
  expect(await ask()).toContain('你是专业译者');
});

test('an agent the caller may not read is an unknown model', async () => {
  const bob = await t.addUser('bob');
  await t.request('/api/agents', { method: 'POST', json: { name: 'Private', slug: 'alice-only' } });
  const bobClient = new OpenAI({ baseURL: client.baseURL, apiKey: bob.key, maxRetries: 0 });
  await expect(
    bobClient.chat.completions.create({
      model: 'agent/alice-only',
      messages: [{ role: 'user', content: 'hi' }],
    }),
  ).rejects.toMatchObject({ status: 404 });
});
