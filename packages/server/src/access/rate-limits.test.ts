import { afterAll, describe, expect, test } from 'vitest';
import { createApiKey } from '../users/api-key-store';
import { startAccessTestApp } from './access-test-kit';
import { closeRateLimits, RateLimits, rateLimitsFor } from './rate-limits';
import { startRedisServer } from './redis-test-server';

const redis = await startRedisServer();
afterAll(() => redis?.stop());

const expect429 = async (res: Response, per: string) => {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await res.json()) as { error: { message: string } };
  expect(body.error.message).toContain(`per ${per}`);
};

describe('rate limits', () => {
  test('in memory: per key (the key’s own limit wins) and per user, 429 with Retry-After', async () => {
    const t = await startAccessTestApp({ env: { QIAO_RATE_LIMIT_KEY: '3', QIAO_RATE_LIMIT_USER: '5' } });
    try {
      for (let i = 0; i < 3; i++) expect((await t.as('member', '/v1/models')).status).toBe(200);
      await expect429(await t.as('member', '/v1/models'), 'key');
      // a second key of the same user has its own key budget but shares the user's (5)
      const { key } = await createApiKey(t.db, {
        userId: t.people.member.id,
        name: 'k2',
        policy: { rateLimit: 100 },
      });
      expect((await t.as({ key }, '/v1/models')).status).toBe(200);
      expect((await t.as({ key }, '/v1/models')).status).toBe(200);
      await expect429(await t.as({ key }, '/v1/models'), 'user');
      // other users are not affected
      expect((await t.as('viewer', '/v1/models')).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 120_000);

  test.skipIf(!redis)(
    'with REDIS_URL the counters are shared between processes (redis-server)',
    async () => {
      const url = redis!.url;
      const a = new RateLimits(url);
      const b = new RateLimits(url);
      try {
        expect(a.shared).toBe(true);
        await Promise.all([a.ready(), b.ready()]);
        await a.consume('key', 'shared-key', 3);
        await b.consume('key', 'shared-key', 3);
        await a.consume('key', 'shared-key', 3);
        await expect(b.consume('key', 'shared-key', 3)).rejects.toMatchObject({ code: 'rate_limited' });
        const t = await startAccessTestApp({ env: { REDIS_URL: url, QIAO_RATE_LIMIT_KEY: '2' } });
        await rateLimitsFor(t.deps.database, url).ready();
        try {
          expect((await t.as('admin', '/v1/models')).status).toBe(200);
          expect((await t.as('admin', '/v1/models')).status).toBe(200);
          await expect429(await t.as('admin', '/v1/models'), 'key');
        } finally {
          closeRateLimits(t.deps.database);
          await t.close();
        }
      } finally {
        a.close();
        b.close();
      }
    },
    120_000,
  );

  test('Redis down: the in-memory insurance limiter keeps the API up', async () => {
    const limits = new RateLimits('redis://127.0.0.1:1');
    try {
      await limits.consume('user', 'u', 2);
      await limits.consume('user', 'u', 2);
      await expect(limits.consume('user', 'u', 2)).rejects.toMatchObject({ code: 'rate_limited' });
    } finally {
      limits.close();
    }
  });
});
