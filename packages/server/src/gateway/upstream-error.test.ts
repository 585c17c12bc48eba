import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import { loadConfig } from '../config';
import type { Database } from '../db';
import { createGateway, type QiaoGateway } from './create-gateway';
import { redact } from './upstream-error';

let database: Database;
let gateway: QiaoGateway;

beforeAll(async () => {
  // a port that was free a moment ago: nothing listens there, so connections are refused
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  database = await createTestDatabase();
  const config = loadConfig(
    {
      QIAO_DATA_DIR: '/tmp/qiao-upstream-error-test',
      QIAO_MAX_RETRIES: '0',
      QIAO_PROVIDERS: JSON.stringify([
        { id: 'gone', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-gone-123456789', models: ['m'] },
      ]),
    },
    { ensureSecret: false },
  );
  gateway = await createGateway({ config: { ...config, secret: 'x'.repeat(32) }, database });
});
afterAll(async () => {
  await gateway.close();
  await database.close();
});

test('a refused connection is upstream_unavailable', async () => {
  const parts = [];
  for await (const part of gateway.stream({
    source: 'system',
    model: 'gone/m',
    messages: [{ role: 'user', content: 'x' }],
  })) {
    parts.push(part);
  }
  expect(parts).toEqual([
    { type: 'error', error: expect.objectContaining({ code: 'upstream_unavailable' }) },
  ]);
  await expect(gateway.embed({ source: 'system', model: 'gone/m', input: ['x'] })).rejects.toMatchObject({
    code: 'upstream_unavailable',
  });
  const [check] = await gateway.checkProviders(['gone']);
  expect(check).toMatchObject({ provider: 'gone', ok: false });
});

test('keys are redacted from messages', () => {
  expect(redact('bad key sk-abcdef1234567890 here', undefined)).toBe('bad key sk-*** here');
  expect(redact('Authorization: Bearer tok123', undefined)).toBe('Authorization: Bearer ***');
  expect(redact('key=my-plain-key-42', 'my-plain-key-42')).toBe('key=***');
});
