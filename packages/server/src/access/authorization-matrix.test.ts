import type { ApiKeyScope } from '@qiao/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiKey } from '../users/api-key-store';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';
import { authorizationMatrix, type MinRole } from './authorization-matrix';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

const rank: Record<MinRole, number> = { public: 0, viewer: 1, member: 2, admin: 3, owner: 4 };

interface Principal {
  name: string;
  rank: number;
  key?: string;
  scopes?: ApiKeyScope[];
}

/** A concrete path for a route pattern: the ids need not exist, only the decision matters. */
const concrete = (path: string) =>
  path
    .replace(':id{.+}', 'openai/fixture-chat')
    .replace(':version', '1')
    .replace(':kind', 'agent')
    .replace(/:[A-Za-z]+/g, 'missing-0000')
    .replace(/\/\*$/, '/some-page');

const scopeAllows = (scopes: ApiKeyScope[] | undefined, needed: ApiKeyScope | ApiKeyScope[] | null) =>
  !scopes ||
  needed === null ||
  (Array.isArray(needed) ? needed : [needed]).some(
    (scope) => scopes.includes(scope) || (scope === 'knowledge:read' && scopes.includes('knowledge:write')),
  );

test('every route × every role: expected allow / deny, 100% of routes covered', async () => {
  const scoped = async (scopes: ApiKeyScope[]) =>
    (await createApiKey(t.db, { userId: t.people.member.id, name: scopes.join('+'), policy: { scopes } }))
      .key;
  const principals: Principal[] = [
    { name: 'anonymous', rank: 0 },
    ...(['viewer', 'member', 'admin', 'owner'] as const).map((role) => ({
      name: role,
      rank: rank[role],
      key: t.people[role].key,
    })),
    { name: 'member key scoped chat', rank: rank.member, key: await scoped(['chat']), scopes: ['chat'] },
    {
      name: 'member key scoped knowledge:write+agents',
      rank: rank.member,
      key: await scoped(['knowledge:write', 'agents']),
      scopes: ['knowledge:write', 'agents'],
    },
  ];

  const routes = [
    ...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ];
  const missing = routes.filter((route) => !(route in authorizationMatrix));
  const stale = Object.keys(authorizationMatrix).filter((route) => !routes.includes(route));

  const wrong: string[] = [];
  let checks = 0;
  const serverErrors = new Set<string>();
  for (const route of routes.filter((r) => r in authorizationMatrix)) {
    const [method, path] = route.split(' ') as [string, string];
    const [minRole, scope] = authorizationMatrix[route]!;
    for (const who of principals) {
      const expected =
        minRole === 'public' ||
        (who.key !== undefined && who.rank >= rank[minRole] && scopeAllows(who.scopes, scope));
      const headers = new Headers(who.key ? { authorization: `Bearer ${who.key}` } : {});
      const init: RequestInit = { method, headers };
      if (method !== 'GET' && method !== 'HEAD') {
        headers.set('content-type', 'application/json');
        init.body = '{}';
      }
      const res = await t.app.request(concrete(path), init);
      await res.arrayBuffer();
      const allowed = res.status !== 401 && res.status !== 403;
      checks++;
      if (res.status >= 500) serverErrors.add(route);
      if (allowed !== expected)
        wrong.push(`${route} as ${who.name}: ${res.status}, expected ${expected ? 'allow' : 'deny'}`);
    }
  }
  const covered = routes.length - missing.length;
  console.log(
    `authorization matrix: ${covered}/${routes.length} routes covered (${((100 * covered) / routes.length).toFixed(1)}%), ` +
      `${principals.length} principals, ${checks} checks, ${wrong.length} wrong; routes that answered 5xx to an empty body: ${[...serverErrors].join(', ') || 'none'}`,
  );
  expect(missing, 'routes without an entry in authorization-matrix.ts').toEqual([]);
  expect(stale, 'entries for routes that no longer exist').toEqual([]);
  expect(wrong).toEqual([]);
}, 300_000);
