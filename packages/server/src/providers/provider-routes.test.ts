import { Hono } from 'hono';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { Database } from '../db';
import { providers } from '../db/schema';
import { createGateway, type QiaoGateway } from '../gateway/create-gateway';
import type { AppEnv, AuthContext } from '../http/app-env';
import { errorResponse } from '../http/error-response';
import { providerRoutes } from './provider-routes';

const storedKey = 'sk-stored-key-abcdef123456';
let fixture: OpenAIFixture;
let database: Database;
let gateway: QiaoGateway;
let app: Hono<AppEnv>;

const admin: AuthContext = { userId: 'a', username: 'admin', role: 'admin' };
const member: AuthContext = { userId: 'm', username: 'member', role: 'member' };

beforeAll(async () => {
  fixture = await startOpenAIFixture({ apiKey: storedKey });
  database = await createTestDatabase();
  const config = {
    ...loadConfig({ QIAO_DATA_DIR: '/tmp/qiao-provider-routes-test' }, { ensureSecret: false }),
    secret: 's'.repeat(32),
  };
  gateway = await createGateway({ config, database });
  app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.use('*', async (c, next) => {
    c.set('auth', c.req.header('x-test-role') === 'admin' ? admin : member);
    await next();
  });
  app.route('/api', providerRoutes({ config, database, gateway }));
});
afterAll(async () => {
  await gateway.close();
  await database.close();
  await fixture.close();
});

const call = (method: string, path: string, role: 'admin' | 'member', body?: unknown) =>
  app.request(path, {
    method,
    headers: { 'x-test-role': role, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

test('provider administration is admin-only', async () => {
  for (const [method, path] of [
    ['GET', '/api/providers'],
    ['POST', '/api/providers'],
    ['DELETE', '/api/providers/x'],
    ['POST', '/api/providers/x/test'],
  ] as const) {
    const response = await call(method, path, 'member', method === 'POST' ? {} : undefined);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  }
  expect((await call('GET', '/api/models', 'member')).status).toBe(200);
});

test('a stored provider keeps its key encrypted and serves models', async () => {
  const created = await call('POST', '/api/providers', 'admin', {
    id: 'lab',
    baseUrl: fixture.url,
    apiKey: storedKey,
  });
  expect(created.status).toBe(201);
  const { provider } = (await created.json()) as { provider: Record<string, unknown> };
  expect(provider).toMatchObject({ id: 'lab', source: 'stored', hasApiKey: true, configured: true });
  expect(JSON.stringify(provider)).not.toContain(storedKey);

  const [row] = await database.db.select().from(providers);
  expect(row?.apiKeyEnc).toBeTruthy();
  expect(row?.apiKeyEnc).not.toContain(storedKey);

  const listed = (await (await call('GET', '/api/providers', 'admin')).json()) as {
    providers: { id: string }[];
  };
  expect(listed.providers.map((p) => p.id)).toEqual(
    expect.arrayContaining(['lab', 'openai', 'deepseek', 'ollama']),
  );
  expect(JSON.stringify(listed)).not.toContain(storedKey);

  const models = (await (await call('GET', '/api/models', 'member')).json()) as { models: { id: string }[] };
  expect(models.models.map((m) => m.id)).toContain('lab/fixture-chat');

  const test = await call('POST', '/api/providers/lab/test', 'admin');
  expect(await test.json()).toMatchObject({ provider: 'lab', ok: true, models: expect.any(Number) });

  let answer = '';
  for await (const part of gateway.stream({
    source: 'system',
    model: 'lab/fixture-chat',
    messages: [{ role: 'user', content: 'hi' }],
  })) {
    if (part.type === 'text-delta') answer += part.text;
  }
  expect(answer).toBe('Echo: hi');
  expect(fixture.requests.at(-1)?.headers.authorization).toBe(`Bearer ${storedKey}`);

  expect((await call('DELETE', '/api/providers/lab', 'admin')).status).toBe(204);
  await expect(gateway.resolve('lab/fixture-chat')).rejects.toMatchObject({ code: 'model_not_found' });
  expect((await call('DELETE', '/api/providers/lab', 'admin')).status).toBe(404);
});

test('a wrong key is reported without leaking it', async () => {
  await call('POST', '/api/providers', 'admin', {
    id: 'bad',
    baseUrl: fixture.url,
    apiKey: 'sk-wrong-key-999999999',
    models: ['fixture-chat'],
  });
  const parts = [];
  for await (const part of gateway.stream({
    source: 'system',
    model: 'bad/fixture-chat',
    messages: [{ role: 'user', content: 'hi' }],
  })) {
    parts.push(part);
  }
  expect(parts).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'upstream_error' }) }]);
  const message = parts[0]?.type === 'error' ? parts[0].error.message : '';
  expect(message).toContain('rejected the API key');
  expect(message).not.toContain('sk-wrong-key');
  const check = await (await call('POST', '/api/providers/bad/test', 'admin')).json();
  expect(check).toMatchObject({ provider: 'bad', ok: false });
});

test('bodies are validated', async () => {
  const response = await call('POST', '/api/providers', 'admin', { id: 'x' });
  expect(response.status).toBe(400);
  expect((await call('POST', '/api/providers', 'admin', { preset: 'nope' })).status).toBe(400);
});
