import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

let t: AccessTestApp;
let sales: string;
let support: string;
let finance: string;
beforeAll(async () => {
  t = await startAccessTestApp();
  const team = async (name: string, usernames: string[]) => {
    const res = await t.as('admin', '/api/teams', { method: 'POST', json: { name } });
    const { team } = (await res.json()) as { team: { id: string } };
    for (const username of usernames)
      await t.as('admin', `/api/teams/${team.id}/members`, { method: 'POST', json: { username } });
    return team.id;
  };
  // mia (member) owns the resources and is in sales and support; victor (viewer) is in sales
  sales = await team('sales', ['victor', 'mia']);
  support = await team('support', ['mia']);
  finance = await team('finance', []);
}, 120_000);
afterAll(() => t.close());

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const errorOf = async (res: Response) =>
  (await json<{ error: { code: string; message: string } }>(res)).error;

describe('GET /api/teams/names', () => {
  test('lists every team to anyone signed in, marking those they are in', async () => {
    const { teams } = await json<{ teams: { name: string; member: boolean }[] }>(
      await t.as('viewer', '/api/teams/names'),
    );
    expect(teams.map(({ name, member }) => ({ name, member }))).toEqual([
      { name: 'finance', member: false },
      { name: 'sales', member: true },
      { name: 'support', member: false },
    ]);
  });
});

describe('agent teams', () => {
  test('the owner shares a team agent with teams; only their members see it then', async () => {
    const created = await t.as('member', '/api/agents', {
      method: 'POST',
      json: { name: 'Sales helper', persona: 'p', visibility: 'team' },
    });
    const { id } = await json<{ id: string }>(created);
    expect(await json(await t.as('member', `/api/agents/${id}/teams`))).toEqual({ teams: [] });

    // another user (and not an editor) cannot read or set the teams
    expect((await t.as('viewer', `/api/agents/${id}/teams`)).status).toBe(403);
    const { key: other } = await t.addUser('otto', 'member');
    const put = (who: Parameters<AccessTestApp['as']>[0], teamIds: string[]) =>
      t.as(who, `/api/agents/${id}/teams`, { method: 'PUT', json: { teamIds } });
    expect((await put({ key: other }, [support])).status).toBe(403);

    const res = await put('member', [support, sales, sales]);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      teams: [
        { id: sales, name: 'sales' },
        { id: support, name: 'support' },
      ],
    });
    expect((await t.as('viewer', `/api/agents/${id}`)).status).toBe(200);
    expect((await t.as({ key: other }, `/api/agents/${id}`)).status).toBe(404);

    // replaced as a whole: support only, so victor loses it
    expect((await put('member', [support])).status).toBe(200);
    expect((await t.as('viewer', `/api/agents/${id}`)).status).toBe(404);

    // as on /api/teams/:id/shares, a team is added only by its members (or whoever manages teams)
    const foreign = await put('member', [support, finance]);
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).message).toContain('finance');
    expect((await put('admin', [support, finance])).status).toBe(200);
    // a team someone else added stays when the owner edits the rest
    expect((await put('member', [finance, sales])).status).toBe(200);
    expect((await put('member', [support])).status).toBe(200);

    // no team at all: the whole organisation is the team again
    expect((await put('member', [])).status).toBe(200);
    expect((await t.as({ key: other }, `/api/agents/${id}`)).status).toBe(200);

    const audit = await json<{ entries: { action: string; target: string; detail: { to: string[] } }[] }>(
      await t.as('owner', '/api/admin/audit?action=team.shares.replace'),
    );
    expect(audit.entries.filter((e) => e.target === id).map((e) => e.detail.to)).toEqual([
      [],
      [support],
      [finance, sales],
      [support, finance],
      [support],
      [support, sales],
    ]);
  });

  test('unknown team ids are refused with 400 and change nothing', async () => {
    const { id } = await json<{ id: string }>(
      await t.as('member', '/api/agents', {
        method: 'POST',
        json: { name: 'Unknown teams', persona: 'p', visibility: 'team' },
      }),
    );
    await t.as('member', `/api/agents/${id}/teams`, { method: 'PUT', json: { teamIds: [sales] } });
    const res = await t.as('member', `/api/agents/${id}/teams`, {
      method: 'PUT',
      json: { teamIds: [support, 'no-such-team'] },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain('"no-such-team"');
    expect(await json(await t.as('member', `/api/agents/${id}/teams`))).toEqual({
      teams: [{ id: sales, name: 'sales' }],
    });
    expect((await t.as('member', '/api/agents/missing/teams')).status).toBe(404);
  });
});

describe('knowledge base teams', () => {
  test('the manager shares with a role per team; members read (or write) it then', async () => {
    const { id } = await json<{ id: string }>(
      await t.as('member', '/api/knowledge-bases', { method: 'POST', json: { name: 'Price lists' } }),
    );
    const put = (who: Parameters<AccessTestApp['as']>[0], shares: unknown[]) =>
      t.as(who, `/api/knowledge-bases/${id}/teams`, { method: 'PUT', json: { shares } });
    // not a member of the knowledge base: it reads as missing
    expect((await t.as('viewer', `/api/knowledge-bases/${id}/teams`)).status).toBe(404);
    expect((await put('admin', [{ teamId: sales, role: 'write' }])).status).toBe(404);
    expect((await t.as('viewer', `/api/knowledge-bases/${id}`)).status).toBe(404);

    const res = await put('member', [{ teamId: sales, role: 'read' }]);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ shares: [{ teamId: sales, name: 'sales', role: 'read' }] });
    expect((await t.as('viewer', `/api/knowledge-bases/${id}`)).status).toBe(200);
    // read through the team: neither writing nor managing its teams
    const rename = { method: 'PATCH', json: { name: 'x' } };
    expect((await t.as('viewer', `/api/knowledge-bases/${id}`, rename)).status).toBe(403);
    expect((await put('viewer', [])).status).toBe(403);
    const { key: other } = await t.addUser('nina', 'member');
    expect((await t.as({ key: other }, `/api/knowledge-bases/${id}`)).status).toBe(404);

    expect((await put('member', [{ teamId: sales, role: 'write' }])).status).toBe(200);
    const { knowledgeBases } = await json<{ knowledgeBases: { id: string; role: string }[] }>(
      await t.as('viewer', '/api/knowledge-bases'),
    );
    expect(knowledgeBases.find((kb) => kb.id === id)?.role).toBe('write');

    expect((await put('member', [])).status).toBe(200);
    expect((await t.as('viewer', `/api/knowledge-bases/${id}`)).status).toBe(404);
  });

  test('unknown teams, a team listed twice and a bad role are 400s', async () => {
    const { id } = await json<{ id: string }>(
      await t.as('member', '/api/knowledge-bases', { method: 'POST', json: { name: 'Bad shares' } }),
    );
    const put = (shares: unknown[]) =>
      t.as('member', `/api/knowledge-bases/${id}/teams`, { method: 'PUT', json: { shares } });
    const unknown = await put([{ teamId: 'ghost', role: 'read' }]);
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('Unknown team id: "ghost"');
    const twice = [
      { teamId: sales, role: 'read' },
      { teamId: sales, role: 'write' },
    ];
    expect((await put(twice)).status).toBe(400);
    expect((await put([{ teamId: sales, role: 'manage' }])).status).toBe(400);
    expect((await put([{ teamId: finance, role: 'read' }])).status).toBe(403);
    expect(await json(await t.as('member', `/api/knowledge-bases/${id}/teams`))).toEqual({ shares: [] });
  });
});
