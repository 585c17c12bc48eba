import { randomBytes } from 'node:crypto';
import { AppError } from '@qiao/core';
import type { Hono } from 'hono';
import { createApp } from '../app';
import type { Config } from '../config';
import { type Database, openDatabase } from '../db';
import { checkProviders } from '../gateway/check-providers';
import { createGateway } from '../gateway/create-gateway';
import type { Gateway } from '../gateway/gateway';
import type { AppEnv } from '../http/app-env';
import { defaultGuards } from '../safety/default-guards';
import { openGuardedStream } from '../safety/guarded-stream';
import { createApiKey } from '../users/api-key-store';
import { createUser, findFirstAdmin, findUserByUsername } from '../users/user-store';
import type { CliBackend } from './cli-backend';
import { directKbBackend } from './direct-kb-backend';
import { errorFromResponse } from './remote-error';

/** Works on the database itself; the caller holds the data-dir lock for the embedded one. */
export function directBackend(config: Config): CliBackend {
  let database: Promise<Database> | undefined;
  let gateway: Promise<Gateway> | undefined;
  // Opened on first use: `users create` should not pay for model discovery.
  const openDb = () =>
    (database ??= openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const openGateway = () =>
    (gateway ??= openDb().then((opened) => createGateway({ config, database: opened })));
  const db = async () => (await openDb()).db;
  const localToken = randomBytes(24).toString('base64url');
  let app: Promise<Hono<AppEnv>> | undefined;
  const openApp = () =>
    (app ??= Promise.all([openDb(), openGateway()]).then(([opened, gw]) =>
      createApp({
        config,
        database: opened,
        gateway: gw,
        localToken,
        guards: defaultGuards(opened, gw, config),
      }),
    ));

  return {
    kind: 'direct',
    async createUser({ username, password, admin }) {
      const user = await createUser(await db(), { username, password, role: admin ? 'admin' : 'member' });
      return { username: user.username, role: user.role };
    },
    async createApiKey({ name, username, ...policy }) {
      const handle = await db();
      const user = username ? await findUserByUsername(handle, username) : await findFirstAdmin(handle);
      if (!user) {
        throw new AppError(
          'not_found',
          username
            ? `No user named "${username}"`
            : 'There is no admin yet: create one with `qiao users create --name NAME --password PASSWORD --admin`',
        );
      }
      if (user.disabled) throw new AppError('conflict', `User "${user.username}" is disabled`);
      const created = await createApiKey(handle, { userId: user.id, name, policy });
      return { key: created.key, name: created.name, username: user.username };
    },
    async listModels() {
      const list = await (await openGateway()).listModels();
      return list.map((model) => ({ id: model.id, provider: model.provider, kind: model.kind }));
    },
    async *chat({ model, message, signal }) {
      // the same guards as the server: a cloud model never sees the personal data in `message`
      const [opened, gw] = await Promise.all([openDb(), openGateway()]);
      const stream = await openGuardedStream(gw, defaultGuards(opened, gw, config), {
        model,
        messages: [{ role: 'user', content: message }],
        source: 'cli',
        signal,
      });
      for await (const part of stream) {
        if (part.type === 'text-delta') yield part.text;
        else if (part.type === 'error')
          throw new AppError(part.error.code, part.error.message, { details: part.error.details });
      }
    },
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await (await openApp()).request(path, {
        method,
        headers: { authorization: `Bearer ${localToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw await errorFromResponse(response);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async eventStream(path, body, signal) {
      const response = await (await openApp()).request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${localToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
      if (!response.ok) throw await errorFromResponse(response);
      if (!response.body) throw new AppError('upstream_error', `${path} answered without a body`);
      return response.body;
    },
    async checkProviders() {
      return checkProviders(await openGateway());
    },
    knowledge: () => directKbBackend({ config, database: openDb, gateway: openGateway }),
    async close() {
      // a step that failed to open has nothing to close
      await gateway?.then((opened) => opened.close()).catch(() => {});
      await database?.then((opened) => opened.close()).catch(() => {});
    },
  };
}
