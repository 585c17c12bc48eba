import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFirstAdmin, createUser } from '../users/user-store';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

let t: AccessTestApp;
beforeAll(async () => {
  t = await startAccessTestApp();
}, 120_000);
afterAll(() => t.close());

const agent = (name: string, visibility = 'team') => ({ name, persona: 'p', visibility });

describe('roles', () => {
  test('a viewer reads and chats but cannot create agents, knowledge bases or keys', async () => {
    expect((await t.as('viewer', '/api/agents')).status).toBe(200);
    expect((await t.as('viewer', '/api/conversations', { method: 'POST', json: {} })).status).toBe(201);
    for (const [path, json] of [
      ['/api/agents', agent('V')],
      ['/api/knowledge-bases', { name: 'kb' }],
      ['/api/keys', { name: 'k' }],
    ] as const) {
      const res = await t.as('viewer', path, { method: 'POST', json });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect(
      (await t.as('member', '/api/agents', { method: 'POST', json: agent('M1', 'private') })).status,
    ).toBe(201);
  });

  test('only the owner grants admin; nobody demotes the last owner or changes their own role', async () => {
    const patch = (who: 'owner' | 'admin', id: string, json: unknown) =>
      t.as(who, `/api/users/${id}`, { method: 'PATCH', json });
    expect((await patch('admin', t.people.member.id, { role: 'admin' })).status).toBe(403);
    expect((await patch('admin', t.people.viewer.id, { role: 'member' })).status).toBe(200);
    expect((await patch('owner', t.people.viewer.id, { role: 'admin' })).status).toBe(200);
    expect((await patch('owner', t.people.viewer.id, { role: 'viewer' })).status).toBe(200);
    expect((await patch('owner', t.people.owner.id, { role: 'member' })).status).toBe(409);
    expect((await patch('admin', t.people.owner.id, { role: 'member' })).status).toBe(403);
    expect((await patch('admin', t.people.owner.id, { disabled: true })).status).toBe(403);
    const audit = (await (await t.as('owner', '/api/admin/audit?action=user.')).json()) as {
      entries: { action: string }[];
    };
    expect(audit.entries.filter((e) => e.action === 'user.role')).toHaveLength(3);
  });

  test('the first administrator becomes the owner', async () => {
    const { createTestDatabase } = await import('../../test/helpers/test-database');
    const database = await createTestDatabase();
    const first = await createFirstAdmin(database.db, { username: 'first', password: 'long enough pw 1' });
    const second = await createUser(database.db, {
      username: 'second',
      password: 'long enough pw 2',
      role: 'admin',
    });
    expect([first.role, second.role]).toEqual(['owner', 'admin']);
    await database.close();
  });
});

describe('teams', () => {
  test('a team agent shared with a team is visible to its members only', async () => {
    const created = await t.as('member', '/api/agents', { method: 'POST', json: agent('Team bot') });
    const { id } = (await created.json()) as { id: string };
    // shared with no team yet: everyone signed in sees it
    expect((await t.as('viewer', `/api/agents/${id}`)).status).toBe(200);

    const team = await t.as('admin', '/api/teams', { method: 'POST', json: { name: 'sales' } });
    const { team: sales } = (await team.json()) as { team: { id: string } };
    expect((await t.as('member', '/api/teams', { method: 'POST', json: { name: 'x' } })).status).toBe(403);
    // the owner of the agent may share it only with a team they are in
    const share = { kind: 'agent', resourceId: id };
    expect(
      (await t.as('member', `/api/teams/${sales.id}/shares`, { method: 'PUT', json: share })).status,
    ).toBe(403);
    await t.as('admin', `/api/teams/${sales.id}/members`, { method: 'POST', json: { username: 'mia' } });
    expect(
      (await t.as('member', `/api/teams/${sales.id}/shares`, { method: 'PUT', json: share })).status,
    ).toBe(200);

    expect((await t.as('viewer', `/api/agents/${id}`)).status).toBe(404);
    const list = (await (await t.as('viewer', '/api/agents')).json()) as { shared: { id: string }[] };
    expect(JSON.stringify(list)).not.toContain(id);

    await t.as('admin', `/api/teams/${sales.id}/members`, { method: 'POST', json: { username: 'victor' } });
    expect((await t.as('viewer', `/api/agents/${id}`)).status).toBe(200);
    const mine = (await (await t.as('viewer', '/api/teams')).json()) as { teams: { name: string }[] };
    expect(mine.teams.map((x) => x.name)).toEqual(['sales']);
  });

  test('a knowledge base shared with a team gives its members that role, in lists too', async () => {
    const kbRes = await t.as('member', '/api/knowledge-bases', {
      method: 'POST',
      json: { name: 'Team docs' },
    });
    expect(kbRes.status).toBe(201);
    const kb = (await kbRes.json()) as { id: string };
    expect((await t.as('viewer', `/api/knowledge-bases/${kb.id}`)).status).toBe(404);
    const { team } = (await (
      await t.as('admin', '/api/teams', { method: 'POST', json: { name: 'docs' } })
    ).json()) as {
      team: { id: string };
    };
    for (const username of ['mia', 'victor'])
      await t.as('admin', `/api/teams/${team.id}/members`, { method: 'POST', json: { username } });
    const share = { kind: 'kb', resourceId: kb.id, role: 'read' };
    expect(
      (await t.as('member', `/api/teams/${team.id}/shares`, { method: 'PUT', json: share })).status,
    ).toBe(200);
    expect((await t.as('viewer', `/api/knowledge-bases/${kb.id}`)).status).toBe(200);
    const list = (await (await t.as('viewer', '/api/knowledge-bases')).json()) as {
      knowledgeBases?: { id: string; role: string }[];
    };
    expect(JSON.stringify(list)).toContain(kb.id);
    // read through the team: no writing
    const rename = await t.as('viewer', `/api/knowledge-bases/${kb.id}`, {
      method: 'PATCH',
      json: { name: 'x' },
    });
    expect(rename.status).toBe(403);
    const del = await t.as('member', `/api/teams/${team.id}/shares/kb/${kb.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await t.as('viewer', `/api/knowledge-bases/${kb.id}`)).status).toBe(404);
  });
});
