import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import { readLiveLock } from './data-dir-lock';
import { startServer } from './start-server';

const dataDir = mkdtempSync(join(tmpdir(), 'qiao-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('starts in-process on a free port, announces itself and closes cleanly', async () => {
  const config = loadConfig({
    QIAO_DATA_DIR: dataDir,
    PORT: '0',
    QIAO_SECRET: 'a-test-secret-of-some-length',
  });
  const database = await createTestDatabase();
  const lines: string[] = [];
  const server = await startServer(config, { database, log: (line) => lines.push(line) });
  try {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(lines[0]).toBe(`Qiao listening on http://127.0.0.1:${server.port}`);
    expect(lines[1]).toContain('No accounts exist yet');
    // a caller-owned database is no data-dir lock
    expect(readLiveLock(dataDir)).toBeUndefined();

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const local = await fetch(`${server.url}/api/users`, {
      headers: { authorization: `Bearer ${server.localToken}` },
    });
    expect(local.status).toBe(200);
  } finally {
    await server.close();
    await database.close();
  }
  await expect(fetch(`${server.url}/health`)).rejects.toThrow();
});

test('a port in use is one clear error', async () => {
  const database = await createTestDatabase();
  const first = await startServer(
    loadConfig({ QIAO_DATA_DIR: dataDir, PORT: '0', QIAO_SECRET: 'x'.repeat(16) }),
    {
      database,
      log: () => {},
    },
  );
  try {
    const config = loadConfig({
      QIAO_DATA_DIR: dataDir,
      PORT: String(first.port),
      QIAO_SECRET: 'x'.repeat(16),
    });
    await expect(startServer(config, { database, log: () => {} })).rejects.toThrow(
      `Cannot listen on 127.0.0.1:${first.port}: the port is already in use`,
    );
  } finally {
    await first.close();
    await database.close();
  }
});
