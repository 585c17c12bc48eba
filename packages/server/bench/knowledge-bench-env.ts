import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { createGateway } from '../src/gateway/create-gateway';
import { startKnowledge } from '../src/knowledge/knowledge-service';
import { createApiKey } from '../src/users/api-key-store';
import { createUser } from '../src/users/user-store';
import { spawnChild } from './spawn-child';

/**
 * What the knowledge benchmarks run against: the embedded database in its own process (as
 * `qiao serve` has it), the real gateway pointed at the fixture upstreams in a child process
 * (`fast` for embeddings, `paced` for a chat streaming one token per 20 ms), and the app.
 */
export async function knowledgeBenchEnv() {
  const fixtures = await spawnChild<{ fast: string; paced: string; tokenDelayMs: number }>(
    './fixture-process.ts',
    {
      ...process.env,
      QIAO_BENCH_TOKEN_DELAY_MS: '20',
    },
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-kb-bench-'));
  const config = loadConfig(
    {
      QIAO_DATA_DIR: dataDir,
      QIAO_SECRET: 'knowledge-bench-secret-0123456789',
      OPENAI_BASE_URL: fixtures.info.fast,
      OPENAI_API_KEY: 'fixture',
      QIAO_PROVIDERS: JSON.stringify([
        { id: 'paced', baseUrl: fixtures.info.paced, models: ['fixture-long-150'] },
      ]),
      QIAO_MAX_RETRIES: '0',
      QIAO_LOG_LEVEL: 'silent',
    },
    { ensureSecret: false },
  );
  const database = await openDatabase({ dataDir });
  const gateway = await createGateway({ config, database });
  const knowledge = await startKnowledge({ config, database, gateway }, { resume: false });
  const app = createApp({ config, database, gateway, knowledge });
  const user = await createUser(database.db, {
    username: 'bench',
    password: 'bench-password-123',
    role: 'admin',
  });
  const { key } = await createApiKey(database.db, { userId: user.id, name: 'bench' });
  return {
    config,
    database,
    gateway,
    knowledge,
    app,
    user,
    key,
    async close() {
      await knowledge.close();
      await gateway.close();
      await database.close();
      await fixtures.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type KnowledgeBenchEnv = Awaited<ReturnType<typeof knowledgeBenchEnv>>;
