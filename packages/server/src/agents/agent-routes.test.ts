import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AccessTestApp, startAccessTestApp } from '../access/access-test-kit';

let t: AccessTestApp;
let bobKey: string;
let adminKey: string;

beforeAll(async () => {
  t = await startAccessTestApp();
  bobKey = t.people.member.key;
  adminKey = t.people.admin.key;
}, 60_000);
afterAll(() => t?.close());

const teacher = {
  name: 'Spoken English Coach',
  avatar: '🗣️',
  description: 'Practise speaking',
  category: 'education',
  persona: 'You are a patient English teacher.',
  welcome: 'Hi!',
  suggestions: ['Order food', 'Introduce yourself', 'Talk about the weekend'],
  model: 'openai/fixture-chat',
  params: { temperature: 0.7 },
};

async function create(body: Record<string, unknown>, key?: string) {
  const res = await t.request('/api/agents', { method: 'POST', json: body, key });
  expect(res.status).toBe(201);
  return (await res.json()) as any;
}

test('create, edit and restore: every save is a version holding the whole agent', async () => {
  const agent = await create({ ...teacher, slug: 'coach' });
  expect(agent).toMatchObject({ slug: 'coach', version: 1, visibility: 'private', editable: true });

  const edited = await t.request(`/api/agents/${agent.id}`, {
    method: 'PATCH',
    json: { persona: 'You are a strict teacher.', note: 'stricter' },
  });
  expect(await edited.json()).toMatchObject({
    version: 2,
    persona: 'You are a strict teacher.',
    name: teacher.name,
  });

  const versions = (await (await t.request(`/api/agents/${agent.id}/versions`)).json()) as any;
  expect(versions.versions.map((v: any) => [v.version, v.note])).toEqual([
    [2, 'stricter'],
    [1, null],
  ]);

  const restored = await t.request(`/api/agents/coach/versions/1/restore`, { method: 'POST' });
  expect(await restored.json()).toMatchObject({ version: 3, persona: teacher.persona });
});

test('export and import round-trip as a portable JSON file', async () => {
  const agent = await create({ ...teacher, name: 'Exported' });
  const file = (await (await t.request(`/api/agents/${agent.id}/export`)).json()) as any;
  expect(file).toMatchObject({
    format: 'qiao.agent/v1',
    agent: { name: 'Exported', persona: teacher.persona },
  });
  const imported = await t.request('/api/agents/import', {
    method: 'POST',
    json: { ...file, slug: 'imported-one' },
  });
  expect(imported.status).toBe(201);
  expect(await imported.json()).toMatchObject({ slug: 'imported-one', name: 'Exported', version: 1 });
});

test('private agents are invisible to others, team agents readable but not editable', async () => {
  const secret = await create({ ...teacher, name: 'Secret' });
  expect((await t.request(`/api/agents/${secret.id}`, { key: bobKey })).status).toBe(404);
  const shared = await create({ ...teacher, name: 'Shared', visibility: 'team' });
  const seen = await t.request(`/api/agents/${shared.id}`, { key: bobKey });
  expect(await seen.json()).toMatchObject({ name: 'Shared', editable: false });
  const edit = await t.request(`/api/agents/${shared.id}`, {
    method: 'PATCH',
    json: { name: 'Mine' },
    key: bobKey,
  });
  expect(edit.status).toBe(403);
  const list = (await (await t.request('/api/agents', { key: bobKey })).json()) as any;
  expect(list.agents.map((a: any) => a.name)).toContain('Shared');
  expect(list.agents.map((a: any) => a.name)).not.toContain('Secret');
});

test('bad input gets a clear 4xx', async () => {
  const badSlug = await t.request('/api/agents', {
    method: 'POST',
    json: { ...teacher, slug: 'Not A Slug' },
  });
  expect(badSlug.status).toBe(400);
  expect(((await badSlug.json()) as any).error.message).toMatch(/^slug:/);
  const taken = await t.request('/api/agents', { method: 'POST', json: { ...teacher, slug: 'translator' } });
  expect(taken.status).toBe(409);
  await create({ ...teacher, slug: 'twice' });
  expect(
    (await t.request('/api/agents', { method: 'POST', json: { ...teacher, slug: 'twice' } })).status,
  ).toBe(409);
  const tooMany = await t.request('/api/agents', {
    method: 'POST',
    json: { ...teacher, suggestions: ['1', '2', '3', '4', '5', '6'] },
  });
  expect(tooMany.status).toBe(400);
});

test('the plaza has curated agents in both languages, with categories and search', async () => {
  const zh = (await (await t.request('/api/plaza?lang=zh-CN')).json()) as any;
  expect(zh.agents.length).toBeGreaterThanOrEqual(12);
  expect(new Set(zh.agents.map((a: any) => a.category))).toEqual(
    new Set([
      'writing',
      'office',
      'education',
      'programming',
      'companionship',
      'customer-service',
      'translation',
      'legal',
    ]),
  );
  expect(zh.agents.find((a: any) => a.slug === 'official-document').name).toBe('公文写作助手');
  const en = (await (await t.request('/api/plaza?lang=en')).json()) as any;
  expect(en.agents.find((a: any) => a.slug === 'official-document').name).toBe('Official Document Writer');
  for (const agent of [...zh.agents, ...en.agents]) {
    expect(agent.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(agent.persona.length).toBeGreaterThan(50);
  }

  const search = (await (await t.request(`/api/plaza?q=${encodeURIComponent('合同')}`)).json()) as any;
  expect(search.agents.map((a: any) => a.slug)).toEqual(['contract-review']);
  const office = (await (await t.request('/api/plaza?category=office&lang=en')).json()) as any;
  expect(office.agents.map((a: any) => a.slug)).toEqual(['meeting-minutes', 'excel-formula', 'ppt-outline']);
});

test('the companion agent points to real help in a crisis instead of role-playing', async () => {
  const zh = (await (await t.request('/api/agents/listener')).json()) as any;
  expect(zh.persona).toContain('12356');
  expect(zh.persona).toContain('不要继续角色扮演');
  const en = (await (await t.request('/api/agents/listener?lang=en')).json()) as any;
  expect(en.persona).toContain('988');
});

test('copy a plaza agent into my agents, then edit the copy', async () => {
  const res = await t.request('/api/agents/builtin:translator/copy?lang=en', { method: 'POST' });
  expect(res.status).toBe(201);
  const copy = (await res.json()) as any;
  expect(copy).toMatchObject({ name: 'Translator', visibility: 'private', editable: true, builtIn: false });
  const edited = await t.request(`/api/agents/${copy.id}`, {
    method: 'PATCH',
    json: { name: 'My translator' },
  });
  expect(edited.status).toBe(200);
});

test('submissions reach the plaza only after an administrator approves them', async () => {
  const agent = await create({ ...teacher, name: 'Community coach' });
  const submit = await t.request(`/api/agents/${agent.id}/submit`, { method: 'POST' });
  expect(submit.status).toBe(201);
  const submission = (await submit.json()) as any;
  expect(submission.status).toBe('pending');
  expect((await t.request(`/api/agents/${agent.id}/submit`, { method: 'POST' })).status).toBe(409);

  const before = (await (await t.request('/api/plaza?lang=en', { key: bobKey })).json()) as any;
  expect(before.agents.map((a: any) => a.name)).not.toContain('Community coach');
  // not reviewed yet: nobody but its owner and the administrators can open or list it
  expect((await t.request(`/api/agents/${agent.id}`, { key: bobKey })).status).toBe(404);
  expect((await t.request(`/api/agents/${agent.id}`, { key: adminKey })).status).toBe(200);
  const shared = (await (await t.request('/api/agents', { key: bobKey })).json()) as any;
  expect(JSON.stringify(shared)).not.toContain('Community coach');

  const asMember = await t.request(`/api/plaza/submissions/${submission.id}/review`, {
    method: 'POST',
    json: { decision: 'approve' },
    key: bobKey,
  });
  expect(asMember.status).toBe(403);
  const pending = (await (
    await t.request('/api/plaza/submissions?status=pending', { key: adminKey })
  ).json()) as any;
  expect(pending.submissions.map((s: any) => s.id)).toContain(submission.id);
  const approve = await t.request(`/api/plaza/submissions/${submission.id}/review`, {
    method: 'POST',
    json: { decision: 'approve' },
    key: adminKey,
  });
  expect(await approve.json()).toMatchObject({ status: 'approved' });

  const after = (await (await t.request('/api/plaza?lang=en', { key: bobKey })).json()) as any;
  expect(after.agents.map((a: any) => a.name)).toContain('Community coach');
  expect((await t.request(`/api/agents/${agent.id}`, { key: bobKey })).status).toBe(200);
});

test('a rejected submission stays out of the plaza', async () => {
  const agent = await create({ ...teacher, name: 'Rejected coach' });
  const submission = (await (
    await t.request(`/api/agents/${agent.id}/submit`, { method: 'POST' })
  ).json()) as any;
  const reject = await t.request(`/api/plaza/submissions/${submission.id}/review`, {
    method: 'POST',
    json: { decision: 'reject', note: 'too vague' },
    key: adminKey,
  });
  expect(await reject.json()).toMatchObject({ status: 'rejected' });
  const plaza = (await (await t.request('/api/plaza?lang=en', { key: bobKey })).json()) as any;
  expect(plaza.agents.map((a: any) => a.name)).not.toContain('Rejected coach');
  expect((await t.request(`/api/agents/${agent.id}`, { key: bobKey })).status).toBe(404);
  const rejected = (await (
    await t.request('/api/plaza/submissions?status=rejected', { key: adminKey })
  ).json()) as any;
  expect(rejected.submissions.map((s: any) => s.id)).toContain(submission.id);
});

test('one sentence becomes an editable draft through a JSON-schema call', async () => {
  const idea = '帮我做一个陪孩子练英语口语的老师';
  const res = await t.request('/api/agents/draft', {
    method: 'POST',
    json: { idea, model: 'openai/fixture-agent-draft' },
  });
  expect(res.status).toBe(200);
  const { draft } = (await res.json()) as any;
  expect(draft).toMatchObject({ name: '英语口语老师', category: 'education', visibility: 'private' });
  expect(draft.persona).toContain(idea);
  expect(draft.suggestions).toHaveLength(3);
  const sent = t.fixture.requests.at(-1)!.body as any;
  expect(sent.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'agent_draft' } });
  // OpenAI's strict mode refuses string length keywords: only the local grammar gets them.
  expect(JSON.stringify(sent.response_format)).not.toMatch(/minLength|maxLength/);

  const unusable = await t.request('/api/agents/draft', {
    method: 'POST',
    json: { idea, model: 'openai/fixture-chat' },
  });
  expect(unusable.status).toBe(502);
  expect(((await unusable.json()) as any).error.message).toMatch(/usable agent draft/);
});
