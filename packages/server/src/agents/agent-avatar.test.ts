import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from '../access/access-test-kit';

/** An uploaded avatar is seen by whoever may see the agent, not only by the uploader. */
let t: AccessTestApp;
let bobKey: string;
let adminKey: string;

// 1×1 transparent PNG
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  t = await startAccessTestApp();
  bobKey = t.people.member.key;
  adminKey = t.people.admin.key;
}, 60_000);
afterAll(() => t?.close());

async function upload(key?: string, bytes: Uint8Array = png, name = 'face.png', type = 'image/png') {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type }));
  const res = await t.request('/api/files', { method: 'POST', body: form, key });
  expect(res.status).toBe(201);
  return `/api/files/${((await res.json()) as any).id}/content`;
}

async function agentWith(avatar: string, visibility: 'private' | 'team' | 'plaza', key?: string) {
  const res = await t.request('/api/agents', {
    method: 'POST',
    json: { name: 'Pictured', persona: 'You help.', avatar, visibility },
    key,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as any;
}

const avatarOf = (id: string, key?: string) => t.request(`/api/agents/${id}/avatar`, { key });

test('team members see a team agent’s uploaded avatar, not the file itself', async () => {
  const file = await upload();
  const agent = await agentWith(file, 'team');
  expect(agent.avatar).toBe(file);
  expect(agent.avatarUrl).toBe(`/api/agents/${agent.id}/avatar?v=1`);

  const seen = await t.request(agent.avatarUrl, { key: bobKey });
  expect(seen.status).toBe(200);
  expect(seen.headers.get('content-type')).toBe('image/png');
  expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
  expect(seen.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  expect(seen.headers.get('content-disposition')).toMatch(/^inline; filename="/);
  expect(Buffer.from(await seen.arrayBuffer())).toEqual(png);
  // the upload route stays private to its owner
  expect((await t.request(file, { key: bobKey })).status).toBe(404);
  const listed = (await (await t.request('/api/agents', { key: bobKey })).json()) as any;
  expect(listed.agents.find((a: any) => a.id === agent.id).avatarUrl).toBe(agent.avatarUrl);
});

test('a private agent’s avatar is a 404 to others; an emoji agent has none', async () => {
  const agent = await agentWith(await upload(), 'private');
  expect((await avatarOf(agent.id)).status).toBe(200);
  expect((await avatarOf(agent.id, bobKey)).status).toBe(404);
  const emoji = await agentWith('🦊', 'team');
  expect(emoji.avatarUrl).toBeNull();
  expect((await avatarOf(emoji.id, bobKey)).status).toBe(404);
  expect((await t.request('/api/agents/translator/avatar')).status).toBe(404);
});

test('naming someone else’s upload as the avatar does not publish it', async () => {
  const bobsFile = await upload(bobKey);
  const agent = await agentWith(bobsFile, 'team');
  expect((await avatarOf(agent.id)).status).toBe(404);
  expect((await avatarOf(agent.id, bobKey)).status).toBe(404);
  // and only raster images are served, never a document or an SVG
  const svg = await upload(
    undefined,
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    'x.svg',
    'image/svg+xml',
  );
  expect((await avatarOf((await agentWith(svg, 'team')).id)).status).toBe(404);
});

test('plaza visitors see an approved agent’s avatar; a copy gets its own image', async () => {
  const agent = await agentWith(await upload(), 'private');
  const submitted = await t.request(`/api/agents/${agent.id}/submit`, { method: 'POST' });
  expect(submitted.status).toBeLessThan(300);
  const submission = (await submitted.json()) as any;
  const review = await t.request(`/api/plaza/submissions/${submission.id}/review`, {
    method: 'POST',
    json: { decision: 'approve' },
    key: adminKey,
  });
  expect(review.status).toBe(200);
  const plaza = (await (await t.request('/api/plaza', { key: bobKey })).json()) as any;
  const listed = plaza.agents.find((a: any) => a.id === agent.id);
  expect((await t.request(listed.avatarUrl, { key: bobKey })).status).toBe(200);

  const copied = await t.request(`/api/agents/${agent.id}/copy`, { method: 'POST', key: bobKey });
  const copy = (await copied.json()) as any;
  expect(copy.avatar).not.toBe(agent.avatar);
  expect((await t.request(copy.avatar, { key: bobKey })).status).toBe(200);
  expect((await avatarOf(copy.id, bobKey)).status).toBe(200);
});
