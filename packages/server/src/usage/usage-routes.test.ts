import type { UsageReport } from '@qiao/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from '../access/access-test-kit';
import { requestLog } from '../db/schema';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
  const at = (expression: string) => sql.raw(expression);
  const base = { source: 'v1' as const, inputTokens: 10, outputTokens: 20, costUsd: 0.001 };
  const member = t.people.member.id;
  await t.db.insert(requestLog).values([
    // today: three calls of one model by one member, one of them failed
    {
      ...base,
      userId: member,
      requestedModel: 'fast',
      model: 'openai/a',
      status: 'ok',
      latencyMs: 100,
      ttftMs: 10,
      createdAt: at("now() - interval '1 minute'"),
    },
    {
      ...base,
      userId: member,
      requestedModel: 'fast',
      model: 'openai/a',
      status: 'ok',
      latencyMs: 200,
      ttftMs: 20,
      createdAt: at("now() - interval '2 minutes'"),
    },
    {
      ...base,
      userId: member,
      requestedModel: 'fast',
      model: 'openai/a',
      status: 'error',
      latencyMs: 300,
      ttftMs: null,
      createdAt: at("now() - interval '3 minutes'"),
    },
    // two days ago, a system job (no user) whose model never answered
    {
      ...base,
      userId: null,
      requestedModel: 'anthropic/b',
      model: null,
      status: 'ok',
      latencyMs: 1000,
      ttftMs: 400,
      createdAt: at("now() - interval '2 days'"),
    },
    // outside a 30-day range
    {
      ...base,
      userId: member,
      requestedModel: 'old/model',
      model: 'old/model',
      status: 'ok',
      latencyMs: 50,
      ttftMs: 5,
      createdAt: at("now() - interval '40 days'"),
    },
    // one minute after today's midnight in Shanghai: today there, yesterday or today in UTC
    {
      ...base,
      userId: member,
      requestedModel: 'tz/probe',
      model: 'tz/probe',
      status: 'ok',
      latencyMs: 70,
      ttftMs: 7,
      createdAt: at(
        "(date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') + interval '1 minute'",
      ),
    },
  ] as never);
}, 120_000);
afterAll(() => t.close());

const report = async (query: string) => {
  const res = await t.as('admin', `/api/admin/usage${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as UsageReport;
};
const today = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

test('usage per day, per model and per user, with medians and 95th percentiles', async () => {
  const usage = await report('?days=30');
  expect(usage.days).toHaveLength(30);
  expect(usage.days.at(-1)!.day).toBe(today('UTC'));
  expect(usage.totals).toMatchObject({ requests: 5, errors: 1, inputTokens: 50, outputTokens: 100 });
  expect(usage.totals.costUsd).toBeCloseTo(0.005, 9);
  // every day is there, empty ones as zeros, and they add up to the totals
  expect(usage.days.reduce((sum, d) => sum + d.requests, 0)).toBe(5);
  const twoDaysAgo = usage.days.at(-3)!;
  expect(twoDaysAgo).toMatchObject({ requests: 1, latencyP50Ms: 1000, ttftP50Ms: 400 });
  expect(usage.days.find((d) => d.requests === 0)).toMatchObject({ latencyP50Ms: null, costUsd: 0 });

  expect(usage.models.map((m) => [m.key, m.requests])).toEqual([
    ['openai/a', 3],
    ['anthropic/b', 1],
    ['tz/probe', 1],
  ]);
  // latency 100, 200, 300 ms; the failed call has no first token
  expect(usage.models[0]).toMatchObject({ errors: 1, latencyP50Ms: 200, latencyP95Ms: 290, ttftP50Ms: 15 });
  expect(usage.users.map((u) => [u.label, u.requests])).toEqual([
    ['mia', 4],
    ['', 1],
  ]);
});

test('days start at midnight in the asked time zone', async () => {
  const shanghai = await report('?days=7&tz=Asia/Shanghai');
  expect(shanghai.timeZone).toBe('Asia/Shanghai');
  expect(shanghai.days.at(-1)).toMatchObject({ day: today('Asia/Shanghai'), requests: 4 });
  expect(shanghai.totals.requests).toBe(5);
  const week = await report('?days=1');
  expect(week.days).toHaveLength(1);
});

test('bad ranges and time zones are 400s; only administrators see usage', async () => {
  for (const query of ['?days=0', '?days=367', '?days=x', '?tz=Mars/Olympus', `?tz=${'A'.repeat(65)}`]) {
    const res = await t.as('admin', `/api/admin/usage${query}`);
    expect(res.status, query).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  }
  for (const role of ['member', 'viewer'] as const) {
    expect((await t.as(role, '/api/admin/usage')).status).toBe(403);
  }
  expect((await t.as('owner', '/api/admin/usage')).status).toBe(200);
});

test('everyone sees their own usage, and only their own', async () => {
  const mine = (await (await t.as('member', '/api/me/usage?days=30')).json()) as UsageReport;
  // the member's 4 requests of the range (3 today and the Shanghai probe); not the system job
  expect(mine.totals).toMatchObject({ requests: 4, errors: 1 });
  expect(mine.users.map((u) => u.label)).toEqual(['mia']);
  expect(mine.models.map((m) => m.key)).toEqual(['openai/a', 'tz/probe']);
  const viewer = (await (await t.as('viewer', '/api/me/usage')).json()) as UsageReport;
  expect(viewer.totals.requests).toBe(0);
  expect(viewer.days).toHaveLength(30);
  expect((await t.as('viewer', '/api/me/usage?tz=Nowhere/City')).status).toBe(400);
});
