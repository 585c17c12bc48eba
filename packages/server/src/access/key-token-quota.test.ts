import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

/** The daily token quota counts what each request really used, as soon as it ends. */
let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

const keyWithTokens = async (dailyTokens: number) => {
  const res = await t.as('member', '/api/keys', { method: 'POST', json: { name: 'tokens', dailyTokens } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
};
const chat = (key: string, stream = false) =>
  t.as({ key }, '/v1/chat/completions', {
    method: 'POST',
    json: { model: 'openai/fixture-long-64', stream, messages: [{ role: 'user', content: 'count' }] },
  });

test('the request after the quota is spent is refused at once with a 429', async () => {
  const key = await keyWithTokens(50);
  const first = await chat(key);
  expect(first.status).toBe(200);
  const used = ((await first.json()) as { usage: { total_tokens: number } }).usage.total_tokens;
  expect(used).toBeGreaterThanOrEqual(50);
  // no waiting for the request log's batch timer
  const next = await chat(key);
  expect(next.status).toBe(429);
  expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
  const { error } = (await next.json()) as { error: { type: string; message: string } };
  expect(error).toMatchObject({ type: 'rate_limit_error', message: expect.stringContaining('50') });
});

test('a stream that crosses the quota finishes; the next request is refused', async () => {
  const key = await keyWithTokens(20);
  const res = await chat(key, true);
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body).toContain('t64');
  expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  expect((await chat(key, true)).status).toBe(429);
});
