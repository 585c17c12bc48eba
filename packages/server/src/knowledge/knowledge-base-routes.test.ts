import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeTestApp, startKnowledgeTestApp } from './knowledge-test-kit';

let t: KnowledgeTestApp;
const body = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
let bobKey: string;

beforeAll(async () => {
  t = await startKnowledgeTestApp();
  bobKey = (await t.addUser('bob')).key;
}, 120_000);
afterAll(() => t.close());

describe('/api/knowledge-bases', () => {
  it('creates, lists, reads, updates and deletes', async () => {
    const created = await t.createKb('手册', { description: 'product manual', settings: { topK: 3 } });
    const got = await body(t.request(`/api/knowledge-bases/${created.id}`));
    expect(got).toMatchObject({ name: '手册', role: 'manage', documentCount: 0, chunkCount: 0 });
    expect(got.settings).toMatchObject({ topK: 3, chunkTargetChars: 600, embeddingModel: null });

    const list = await body(t.request('/api/knowledge-bases'));
    expect(list.knowledgeBases.map((kb: { name: string }) => kb.name)).toContain('手册');

    const patched = await t.request(`/api/knowledge-bases/${created.id}`, {
      method: 'PATCH',
      json: { settings: { scoreThreshold: 0.4 } },
    });
    expect(patched.status).toBe(200);
    expect((await body(patched)).settings).toMatchObject({ topK: 3, scoreThreshold: 0.4 });

    expect((await t.request(`/api/knowledge-bases/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.request(`/api/knowledge-bases/${created.id}`)).status).toBe(404);
  });

  it('refuses a duplicate name and bad settings', async () => {
    await t.createKb('dup');
    const again = await t.request('/api/knowledge-bases', { method: 'POST', json: { name: 'dup' } });
    expect(again.status).toBe(409);
    const bad = await t.request('/api/knowledge-bases', {
      method: 'POST',
      json: { name: 'x', settings: { topK: 1000 } },
    });
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.code).toBe('validation_failed');
  });

  it('hides a knowledge base from non-members and enforces roles', async () => {
    const kb = await t.createKb('private');
    expect((await t.request(`/api/knowledge-bases/${kb.id}`, { key: bobKey })).status).toBe(404);
    expect((await t.search(kb.id, 'anything', {}, bobKey)).status).toBe(404);
    const list = await body(t.request('/api/knowledge-bases', { key: bobKey }));
    expect(list.knowledgeBases).toEqual([]);

    const add = await t.request(`/api/knowledge-bases/${kb.id}/members`, {
      method: 'PUT',
      json: { username: 'bob', role: 'read' },
    });
    expect(add.status).toBe(200);
    expect((await t.request(`/api/knowledge-bases/${kb.id}`, { key: bobKey })).status).toBe(200);
    // read is not write
    const upload = await t.upload(kb.id, [{ name: 'a.txt', content: 'hello' }], bobKey);
    expect(upload.status).toBe(403);
    const members = await body(t.request(`/api/knowledge-bases/${kb.id}/members`));
    expect(members.members.map((m: { username: string; role: string }) => [m.username, m.role])).toEqual([
      ['alice', 'manage'],
      ['bob', 'read'],
    ]);
    const bob = members.members.find((m: { username: string }) => m.username === 'bob');
    expect(
      (await t.request(`/api/knowledge-bases/${kb.id}/members/${bob.userId}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await t.request(`/api/knowledge-bases/${kb.id}`, { key: bobKey })).status).toBe(404);
  });

  it('requires authentication', async () => {
    const res = await t.app.request('/api/knowledge-bases');
    expect(res.status).toBe(401);
  });
});
