import * as core from '@qiao/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

/**
 * Fuzzing of every JSON endpoint (fast-check): random JSON, malformed bodies and objects built
 * from the field names and enum values of the API's own contracts, so that bodies get past the
 * first validation now and then. Whatever comes in, the answer is never a 5xx of Qiao's own
 * (502–504 name a failing upstream model, which the fixture is for some routes) and every error
 * is the documented JSON shape. The seed is fixed so CI is reproducible; QIAO_FUZZ_SEED and
 * QIAO_FUZZ_RUNS explore further.
 */
const seed = Number(process.env.QIAO_FUZZ_SEED ?? 20261129);
const runs = Number(process.env.QIAO_FUZZ_RUNS ?? 8);

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

/** Field names and enum values of every zod contract @qiao/core exports. */
function contractVocabulary(): { keys: string[]; enums: string[] } {
  const keys = new Set<string>();
  const enums = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object')
      for (const key of Object.keys(record.properties)) keys.add(key);
    if (Array.isArray(record.enum))
      for (const value of record.enum) if (typeof value === 'string') enums.add(value);
    for (const value of Object.values(record)) walk(value);
  };
  for (const value of Object.values(core)) {
    if (!(value instanceof z.ZodType)) continue;
    try {
      walk(z.toJSONSchema(value, { unrepresentable: 'any', io: 'input' }));
    } catch {
      // transforms and the like have no JSON Schema; their neighbours cover the field names
    }
  }
  return { keys: [...keys], enums: [...enums] };
}

const { keys, enums } = contractVocabulary();
const key = fc.constantFrom(...keys);
const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...enums, 'openai/fixture-chat', 'missing-0000', '', 'x'.repeat(5_000)),
  fc.integer({ min: -10, max: 2_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 3, arbitrary: leaf },
  fc.array(leaf, { maxLength: 4 }),
  fc.array(fc.dictionary(key, leaf, { maxKeys: 4 }), { maxLength: 3 }),
  fc.dictionary(key, leaf, { maxKeys: 4 }),
);
const body = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }).map((v) => JSON.stringify(v)) },
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
);
const segment = fc.oneof(
  fc.constantFrom('missing-0000', 'openai/fixture-chat', '1', '0', '-1', '..', '%00'),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);
const query = fc.dictionary(key, fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...enums)), {
  maxKeys: 4,
});

const upstreamFailure = (raw: string) => /"code":"upstream_(error|unavailable|timeout)"/.test(raw);

const errorShaped = (path: string, json: unknown) => {
  const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error.message !== 'string') return false;
  return path.startsWith('/v1/') ? typeof error.type === 'string' : typeof error.code === 'string';
};

test('every JSON endpoint, fuzzed: never a 5xx, errors always in the documented shape', async () => {
  const routes = [
    ...new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/v1/')))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
  let requests = 0;
  const failures: string[] = [];
  for (const route of routes) {
    const [method, pattern] = route.split(' ') as [string, string];
    const params = pattern.match(/:[A-Za-z]+(\{[^}]*\})?|\*$/g) ?? [];
    const sample = fc.record({
      values: fc.tuple(...params.map(() => segment), segment),
      query,
      body,
      who: fc.constantFrom('owner', 'owner', 'member', 'viewer') as fc.Arbitrary<
        'owner' | 'member' | 'viewer'
      >,
    });
    await fc
      .assert(
        fc.asyncProperty(sample, async ({ values, query: search, body: text, who }) => {
          let i = 0;
          const path = pattern.replace(/:[A-Za-z]+(\{[^}]*\})?|\*$/g, () => values[i++]!);
          const qs = new URLSearchParams(search).toString();
          const init: RequestInit = {
            method,
            headers: { authorization: `Bearer ${t.people[who].key}`, 'content-type': 'application/json' },
          };
          if (method !== 'GET' && method !== 'HEAD') init.body = text;
          const res = await t.app.request(qs ? `${path}?${qs}` : path, init);
          requests++;
          const raw = await res.text();
          // 502–504 report the upstream model's failure (the fixture model drafts no agents), not ours
          if (res.status >= 500 && !upstreamFailure(raw)) {
            failures.push(`${route} → ${res.status} for ${path} ${text.slice(0, 200)}: ${raw.slice(0, 200)}`);
            return false;
          }
          const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(raw) : undefined;
          if (res.status >= 400 && !errorShaped(path, json)) {
            failures.push(`${route} → ${res.status} without an error body: ${raw.slice(0, 200)}`);
            return false;
          }
          return true;
        }),
        { seed, numRuns: runs, endOnFailure: true },
      )
      .catch(() => {});
  }
  console.log(
    `endpoint fuzzing: ${routes.length} routes, ${requests} requests (seed ${seed}), ${failures.length} failures`,
  );
  expect(failures).toEqual([]);
}, 600_000);

test('every route: NUL in the URL is a 400, NUL or 5,000 levels in the body never a 5xx (issue 12 items 13, 14)', async () => {
  const routes = [
    ...new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/v1/')))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
  const deep = `{"name":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
  const failures: string[] = [];
  for (const route of routes) {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(/:[A-Za-z]+(\{[^}]*\})?|\*$/g, 'missing-0000');
    const send = (url: string, body?: string) =>
      t.app.request(url, {
        method,
        headers: { authorization: `Bearer ${t.people.owner.key}`, 'content-type': 'application/json' },
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      });
    const withParam = pattern.includes(':') ? pattern.replace(/:[A-Za-z]+(\{[^}]*\})?/, 'x%00y') : undefined;
    for (const url of [
      `${path}?q=a%00b`,
      ...(withParam ? [withParam.replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'x')] : []),
    ]) {
      const res = await send(url, '{}');
      if (res.status !== 400) failures.push(`${route} ${url} → ${res.status}`);
    }
    for (const body of ['{"name":"x\\u0000y","model":"openai/fixture-chat","content":"\\u0000"}', deep]) {
      const res = await send(path, body);
      if (res.status >= 500) failures.push(`${route} body ${body.slice(0, 30)} → ${res.status}`);
    }
  }
  expect(failures).toEqual([]);
}, 300_000);
