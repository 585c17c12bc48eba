import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { type Env, loadConfig } from '../../src/config';
import { createGateway } from '../../src/gateway/create-gateway';
import type { AppDeps } from '../../src/http/app-env';
import type { ChatGuard } from '../../src/safety/chat-guard';
import { createApiKey } from '../../src/users/api-key-store';
import { createUser } from '../../src/users/user-store';
import { type OpenAIFixtureOptions, startOpenAIFixture } from '../fixtures/openai-fixture-server';
import { createTestDatabase } from './test-database';

export interface ChatTestAppOptions {
  env?: Env;
  guards?: ChatGuard[];
  fixture?: OpenAIFixtureOptions;
}

/**
 * The whole app (createApp) over a fresh database and the real gateway, pointed at a local
 * OpenAI fixture, with one signed-up user and API key. `request` sends that key.
 */
export async function startChatTestApp(options: ChatTestAppOptions = {}) {
  const fixture = await startOpenAIFixture(options.fixture);
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-chat-'));
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      QIAO_DATA_DIR: dataDir,
      QIAO_SECRET: 'chat-test-secret-0123456789',
      OPENAI_BASE_URL: fixture.url,
      OPENAI_API_KEY: 'fixture-key',
      QIAO_MAX_RETRIES: '0',
      ...options.env,
    },
    { ensureSecret: false },
  );
  const gateway = await createGateway({ config, database });
  const deps: AppDeps = { config, database, gateway, guards: options.guards };
  const app = createApp(deps);

  const addUser = async (username: string) => {
    const user = await createUser(database.db, {
      username,
      password: 'correct horse battery staple',
      role: 'member',
    });
    const { key } = await createApiKey(database.db, { userId: user.id, name: 'test' });
    return { user, key };
  };
  const { user, key } = await addUser('alice');

  const request = (path: string, init: RequestInit & { json?: unknown; key?: string } = {}) => {
    const { json, key: asKey, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('authorization', `Bearer ${asKey ?? key}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return app.request(path, {
      ...rest,
      headers,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  };

  const close = async () => {
    await gateway.close();
    await database.close();
    await fixture.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  return { app, deps, fixture, database, gateway, user, key, addUser, request, close };
}

export type ChatTestApp = Awaited<ReturnType<typeof startChatTestApp>>;

/** Creates a conversation over the REST API and returns it (expects 201). */
export async function newConversation(
  t: ChatTestApp,
  body: Record<string, unknown> = { model: 'openai/fixture-chat' },
  key?: string,
): Promise<{ id: string; title: string; updatedAt: string }> {
  const res = await t.request('/api/conversations', { method: 'POST', json: body, key });
  if (res.status !== 201) throw new Error(`create conversation: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; title: string; updatedAt: string };
}

/** All stored messages of a conversation, as GET /messages returns them. */
export async function messagesOf(t: ChatTestApp, id: string): Promise<any[]> {
  const res = await t.request(`/api/conversations/${id}/messages`);
  if (res.status !== 200) throw new Error(`list messages: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { messages: any[] }).messages;
}

/** Polls until `ok(value)`; for effects that land after a response (a disconnect being noticed). */
export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
}
