import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { startServer } from '../src/server/start-server';
import { createApiKey } from '../src/users/api-key-store';
import { createUser } from '../src/users/user-store';
import { exitWithParent } from './spawn-child';

/**
 * Child process: a real Qiao server on the embedded database in a temp data dir, with one
 * user and API key created in its database before it starts. Upstreams come from the env
 * the parent sets (OPENAI_BASE_URL, QIAO_PROVIDERS).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'qiao-bench-'));
// load runs measure the server, not its per-minute rate limits (docs/access-control.md)
const limits = { QIAO_RATE_LIMIT_USER: '100000000', QIAO_RATE_LIMIT_KEY: '100000000' };
const config = loadConfig({
  ...limits,
  ...process.env,
  QIAO_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
});

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });
const user = await createUser(database.db, {
  username: 'bench',
  password: 'bench-password-1234',
  role: 'admin',
});
const { key } = await createApiKey(database.db, { userId: user.id, name: 'bench' });

const server = await startServer(config, { database, log: () => {} });
process.stdout.write(`${JSON.stringify({ url: server.url, apiKey: key })}\n`);

exitWithParent(async () => {
  await server.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});
