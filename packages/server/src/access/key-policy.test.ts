import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseExpiry } from '../cli/keys-command';
import { requestLog } from '../db/schema';
import { createApiKey } from '../users/api-key-store';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

const newKey = async (policy: Record<string, unknown>) => {
  const res = await t.as('member', '/api/keys', { method: 'POST', json: { name: 'limited', ...policy } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { key: string; id: string; policy: Record<string, unknown> };
};
const chat = (key: string, model = 'openai/fixture-chat') =>
  t.as({ key }, '/v1/chat/completions', {
    method: 'POST',
    json: { model, messages: [{ role: 'user', content: 'hi' }] },
  });
const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;

describe('API key policies', () => {
  test('scopes: a knowledge:read key reads knowledge bases and nothing else', async () => {
    const { key, policy } = await newKey({ scopes: ['knowledge:read'] });
    expect(policy).toMatchObject({ scopes: ['knowledge:read'], expiresAt: null });
    expect((await t.as({ key }, '/api/knowledge-bases')).status).toBe(200);
    const write = await t.as({ key }, '/api/knowledge-bases', { method: 'POST', json: { name: 'x' } });
    expect(write.status).toBe(403);
    expect(await errorOf(write)).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('knowledge:write'),
    });
    const models = await t.as({ key }, '/v1/models');
    expect(models.status).toBe(403);
    expect(await errorOf(models)).toMatchObject({ type: 'permission_error', code: 'forbidden' });
  });

  test('scopes: an agents key lists the team names it may share with, and no more of teams', async () => {
    const { key } = await newKey({ scopes: ['agents'] });
    expect((await t.as({ key }, '/api/teams/names')).status).toBe(200);
    const teams = await t.as({ key }, '/api/teams');
    expect(teams.status).toBe(403);
    expect((await errorOf(teams)).message).toContain('"admin"');
    const { key: chatKey } = await newKey({ scopes: ['chat'] });
    const names = await t.as({ key: chatKey }, '/api/teams/names');
    expect(names.status).toBe(403);
    expect((await errorOf(names)).message).toBe(
      'This API key lacks one of the "agents", "knowledge:write", "admin" scopes',
    );
  });

  test('a key without a policy keeps its owner’s full access', async () => {
    expect((await t.as('member', '/v1/models')).status).toBe(200);
    expect(
      (await t.as('member', '/api/knowledge-bases', { method: 'POST', json: { name: 'full' } })).status,
    ).toBe(201);
  });

  test('an expired key is a 401 in the OpenAI shape', async () => {
    const { key } = await createApiKey(t.db, {
      userId: t.people.member.id,
      name: 'old',
      policy: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await t.as({ key }, '/v1/models');
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({
      type: 'authentication_error',
      message: expect.stringContaining('expired'),
    });
    const past = await t.as('member', '/api/keys', {
      method: 'POST',
      json: { name: 'p', expiresAt: '2000-01-01' },
    });
    expect(past.status).toBe(400);
  });

  test('daily request quota: 429 with Retry-After until UTC midnight', async () => {
    const { key } = await newKey({ dailyRequests: 2 });
    expect((await t.as({ key }, '/v1/models')).status).toBe(200);
    expect((await t.as({ key }, '/v1/models')).status).toBe(200);
    const res = await t.as({ key }, '/v1/models');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(86_400);
    expect(await errorOf(res)).toMatchObject({ type: 'rate_limit_error' });
  });

  test('daily token quota counts the request log', async () => {
    const { key, id } = await newKey({ dailyTokens: 100 });
    expect((await t.as({ key }, '/v1/models')).status).toBe(200);
    await t.db.insert(requestLog).values({
      apiKeyId: id,
      userId: t.people.member.id,
      source: 'v1',
      requestedModel: 'openai/fixture-chat',
      status: 'ok',
      inputTokens: 60,
      outputTokens: 40,
      latencyMs: 1,
    });
    expect((await t.as({ key }, '/v1/models')).status).toBe(429);
  });

  test('model allow-list', async () => {
    const { key } = await newKey({ models: ['openai/*'] });
    const denied = await chat(key, 'deepseek/deepseek-chat');
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).message).toContain('deepseek/deepseek-chat');
    expect((await chat(key)).status).toBe(200);
    // the key sees only the models it may use
    const listed = (await (await t.as({ key }, '/v1/models')).json()) as { data: { id: string }[] };
    expect(listed.data.length).toBeGreaterThan(0);
    expect(listed.data.every((model) => model.id.startsWith('openai/'))).toBe(true);
    expect((await t.as({ key }, '/v1/models/deepseek/deepseek-chat')).status).toBe(403);
  });

  test('IP allow-list, from the socket address', async () => {
    const from = (key: string, remoteAddress: string) =>
      t.app.request(
        '/v1/models',
        { headers: { authorization: `Bearer ${key}` } },
        {
          incoming: { socket: { remoteAddress } },
        },
      );
    const { key } = await newKey({ ips: ['10.0.0.0/8', '2001:db8::/32'] });
    expect((await from(key, '10.1.2.3')).status).toBe(200);
    expect((await from(key, '::ffff:10.1.2.3')).status).toBe(200);
    expect((await from(key, '2001:db8::1')).status).toBe(200);
    expect((await from(key, '127.0.0.1')).status).toBe(403);
    // no socket at all (an in-process call) cannot prove its address
    expect((await t.as({ key }, '/v1/models')).status).toBe(403);
    const bad = await t.as('member', '/api/keys', {
      method: 'POST',
      json: { name: 'b', ips: ['10.0.0.0/99'] },
    });
    expect(bad.status).toBe(400);
  });

  test('creating and revoking keys is audited', async () => {
    const { id } = await newKey({ scopes: ['chat'] });
    expect((await t.as('member', `/api/keys/${id}`, { method: 'DELETE' })).status).toBe(200);
    const res = await t.as('admin', '/api/admin/audit?action=key.');
    const { entries } = (await res.json()) as { entries: { action: string; target: string }[] };
    expect(entries.filter((e) => e.target === id).map((e) => e.action)).toEqual(['key.revoke', 'key.create']);
  });
});

test('--expires takes 30d, 12h or an ISO date', () => {
  const now = Date.UTC(2026, 0, 1);
  expect(parseExpiry('30d', now)?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  expect(parseExpiry('12h', now)?.toISOString()).toBe('2026-01-01T12:00:00.000Z');
  expect(parseExpiry('2027-01-31')?.toISOString()).toBe('2027-01-31T00:00:00.000Z');
  expect(() => parseExpiry('soon')).toThrow(/--expires/);
});
