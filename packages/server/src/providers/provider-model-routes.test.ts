import type { ProviderModelsReply } from '@qiao/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { Database } from '../db';
import { createGateway, type QiaoGateway } from '../gateway/create-gateway';
import type { AppEnv, AuthContext } from '../http/app-env';
import { errorResponse } from '../http/error-response';
import { providerRoutes } from './provider-routes';

const envKey = 'sk-env-key-0123456789';
let fixture: OpenAIFixture;
let database: Database;
let gateway: QiaoGateway;
let app: Hono<AppEnv>;

const admin: AuthContext = { userId: 'a', username: 'admin', role: 'admin' };
const member: AuthContext = { userId: 'm', username: 'member', role: 'member' };

beforeAll(async () => {
  fixture = await startOpenAIFixture({
    apiKey: envKey,
    models: ['fixture-chat', 'gpt-4o-mini', 'fixture-slow'],
  });
  database = await createTestDatabase();
  const config = {
    ...loadConfig(
      {
        QIAO_DATA_DIR: '/tmp/qiao-provider-models-test',
        OPENAI_BASE_URL: fixture.url,
        OPENAI_API_KEY: envKey,
      },
      { ensureSecret: false },
    ),
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
const servedIds = async () =>
  ((await (await call('GET', '/api/models', 'member')).json()) as { models: { id: string }[] }).models.map(
    (m) => m.id,
  );

test('choosing models is admin-only', async () => {
  expect((await call('GET', '/api/providers/openai/models', 'member')).status).toBe(403);
  expect((await call('PUT', '/api/providers/openai/models', 'member', { enabled: null })).status).toBe(403);
});

test('an env provider: disabled models leave /api/models, the key and URL stay the env ones', async () => {
  const listed = await (await call('GET', '/api/providers/openai/models', 'admin')).json();
  expect(listed).toEqual({
    allEnabled: true,
    models: [
      { id: 'fixture-chat', enabled: true },
      { id: 'gpt-4o-mini', enabled: true },
      { id: 'fixture-slow', enabled: true },
    ],
  });
  expect(await servedIds()).toEqual(expect.arrayContaining(['openai/fixture-slow', 'openai/gpt-4o-mini']));

  const put = await call('PUT', '/api/providers/openai/models', 'admin', {
    enabled: ['fixture-chat', 'gpt-4o-mini'],
  });
  expect(put.status).toBe(204);
  const served = await servedIds();
  expect(served).toContain('openai/fixture-chat');
  expect(served).not.toContain('openai/fixture-slow');
  await expect(gateway.resolve('openai/fixture-slow')).rejects.toMatchObject({ code: 'model_not_found' });

  // the choice still lists the disabled model (asked live), so it can be enabled again
  const after = (await (
    await call('GET', '/api/providers/openai/models', 'admin')
  ).json()) as ProviderModelsReply;
  expect(after).toMatchObject({ allEnabled: false });
  expect(after.models).toContainEqual({ id: 'fixture-slow', enabled: false });

  let answer = '';
  for await (const part of gateway.stream({
    source: 'system',
    model: 'openai/fixture-chat',
    messages: [{ role: 'user', content: 'hi' }],
  })) {
    if (part.type === 'text-delta') answer += part.text;
  }
  expect(answer).toBe('Echo: hi');
  expect(fixture.requests.at(-1)?.headers.authorization).toBe(`Bearer ${envKey}`);

  expect((await call('PUT', '/api/providers/openai/models', 'admin', { enabled: null })).status).toBe(204);
  expect(await servedIds()).toContain('openai/fixture-slow');
  const providers = (await (await call('GET', '/api/providers', 'admin')).json()) as {
    providers: { id: string; source: string }[];
  };
  expect(providers.providers.find((p) => p.id === 'openai')?.source).toBe('env');
});

test('a stored provider keeps its key and URL when its models change', async () => {
  await call('POST', '/api/providers', 'admin', { id: 'lab', baseUrl: fixture.url, apiKey: envKey });
  await call('PUT', '/api/providers/lab/models', 'admin', { enabled: ['gpt-4o-mini'] });
  const served = await servedIds();
  expect(served).toContain('lab/gpt-4o-mini');
  expect(served).not.toContain('lab/fixture-chat');
  const check = await (await call('POST', '/api/providers/lab/test', 'admin')).json();
  expect(check).toMatchObject({ provider: 'lab', ok: true });
});

test('bad input and unknown providers are clear 4xx', async () => {
  expect((await call('PUT', '/api/providers/openai/models', 'admin', { enabled: [] })).status).toBe(400);
  expect((await call('PUT', '/api/providers/openai/models', 'admin', { on: ['x'] })).status).toBe(400);
  const missing = await call('GET', '/api/providers/nowhere/models', 'admin');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
});
