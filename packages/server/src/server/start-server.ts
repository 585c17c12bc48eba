import { randomBytes } from 'node:crypto';
import { closeRateLimits } from '../access/rate-limits';
import { createApp } from '../app';
import { firstRunNotice } from '../auth/first-run-notice';
import { sweepInterruptedAnswers } from '../chat/interrupted-answers';
import type { Config } from '../config';
import { type Database, openDatabase } from '../db';
import { createGateway } from '../gateway/create-gateway';
import type { Gateway } from '../gateway/gateway';
import { startKnowledge } from '../knowledge/knowledge-service';
import { defaultGuards } from '../safety/default-guards';
import { closeToolHost } from '../tools/tool-host';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { type Listening, listen } from './listen';
import { displayUrl, localUrl } from './server-url';

export interface StartServerOptions {
  /** an already-open database (tests); the caller keeps owning it and no lock is taken */
  database?: Database;
  /** where start-up lines go; the CLI prints them, tests can collect or drop them */
  log?: (line: string) => void;
}

export interface ServerHandle {
  /** the URL a local client dials */
  url: string;
  port: number;
  /** `Authorization: Bearer <localToken>` acts as the local admin (the CLI uses it) */
  localToken: string;
  close(): Promise<void>;
}

/** Opens everything the app needs, in order, and undoes what was done if a later step fails. */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<ServerHandle> {
  const log = options.log ?? ((line: string) => console.log(line));
  const localToken = randomBytes(32).toString('base64url');
  const undo: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const step of undo.splice(0).reverse()) await Promise.resolve(step()).catch(() => {});
  };

  try {
    let lock: DataDirLock | undefined;
    if (!config.databaseUrl && !options.database) {
      lock = acquireDataDirLock(config.dataDir, 'server');
      undo.push(() => lock?.release());
    }
    const database =
      options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
    if (!options.database) undo.push(() => database.close());
    // answers a killed process left half-written become `interrupted`, before anyone reads them
    const sweep = await sweepInterruptedAnswers(database.db, { soleWriter: lock !== undefined });
    undo.push(() => sweep.close());
    if (sweep.marked > 0) log(`Marked ${sweep.marked} answer(s) cut off by a previous crash as interrupted`);
    const gateway: Gateway = await createGateway({ config, database });
    undo.push(() => gateway.close());
    undo.push(() => closeToolHost(config));
    const guards = defaultGuards(database, gateway, config);
    // re-queues documents whose ingestion a crash or stop interrupted, and re-indexes knowledge
    // bases indexed with older search terms, in the background
    const knowledge = await startKnowledge({ config, database, gateway }, { log });
    undo.push(() => knowledge.close());
    const app = createApp({ config, database, gateway, localToken, guards, knowledge });
    const listening: Listening = await listen(app.fetch, config.host, config.port);
    undo.push(() => listening.close());
    undo.push(async () => closeRateLimits(database));

    const url = localUrl(config.host, listening.port);
    lock?.update({ url, token: localToken });
    log(`Qiao listening on ${displayUrl(config.host, listening.port)}`);
    const notice = await firstRunNotice(database.db, url);
    if (notice) log(notice);

    let closing: Promise<void> | undefined;
    return { url, port: listening.port, localToken, close: () => (closing ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
