import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { type AccessTestApp, startAccessTestApp } from './access-test-kit';

/**
 * Issue 12 item 4: a key limited to `ctl/*` reaches no other model — not through a chain, an
 * alias, the default model, an agent or its model, on /v1 or in REST chat.
 */
let ctl: OpenAIFixture;
let t: AccessTestApp;
let key: string;
beforeAll(async () => {
  ctl = await startOpenAIFixture({ models: ['fixture-chat', 'fixture-500', 'fixture-embed'] });
  t = await startAccessTestApp({
    env: {
      QIAO_PROVIDERS: JSON.stringify([{ id: 'ctl', baseUrl: ctl.url, apiKey: 'k' }]),
      QIAO_MODEL_ALIASES: JSON.stringify({
        fast: ['ctl/fixture-500', 'openai/fixture-chat'],
        'ctl/sneaky': 'openai/fixture-chat',
        'ctl-ok': 'ctl/fixture-chat',
        nested: ['fast'],
      }),
      QIAO_DEFAULT_MODEL: 'openai/fixture-chat',
    },
  });
  key = await newKey(['ctl/*']);
}, 120_000);
afterAll(async () => {
  await t.close();
  await ctl.close();
});

async function newKey(models: string[]): Promise<string> {
  const res = await t.as('member', '/api/keys', { method: 'POST', json: { name: 'ctl-only', models } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}
const v1 = (model: string, as = key) =>
  t.as({ key: as }, '/v1/chat/completions', {
    method: 'POST',
    json: { model, messages: [{ role: 'user', content: 'hi' }] },
  });
const bodyOf = async (res: Response) => (await res.json()) as any;

describe('/v1', () => {
  test('an allowed model answers', async () => {
    const res = await v1('ctl/fixture-chat');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await bodyOf(res)).model).toBe('ctl/fixture-chat');
    // an alias whose every member is allowed
    expect((await v1('ctl-ok')).status).toBe(200);
  });

  test('no chain, alias or default reaches a model off the list', async () => {
    const hostile = [
      'ctl/fixture-500,openai/fixture-chat',
      'ctl/fixture-chat,openai/fixture-chat',
      ' ctl/fixture-chat , openai/fixture-chat ',
      'ctl/fixture-chat,,openai/fixture-chat',
      'ctl/fixture-chat,\topenai/fixture-chat',
      'fast',
      'nested',
      'ctl/sneaky',
      'ctl/fixture-chat,fast',
      'default',
      ' ',
      'openai/fixture-chat',
      'OPENAI/fixture-chat',
    ];
    for (const model of hostile) {
      const res = await v1(model);
      expect(res.status, `${model}: ${await res.clone().text()}`).toBe(403);
      expect((await bodyOf(res)).error.type).toBe('permission_error');
    }
    expect(t.fixture.requests.filter((r) => r.path.includes('chat'))).toHaveLength(0);
  });

  test('agents: the agent must be allowed, and so must its own model', async () => {
    expect((await v1('agent/listener')).status).toBe(403);
    const agentsToo = await newKey(['ctl/*', 'agent/*']);
    // a built-in agent runs on the default model, which is not ctl/*
    const res = await v1('agent/listener', agentsToo);
    expect(res.status, await res.clone().text()).toBe(403);
    expect((await bodyOf(res)).error.message).toContain('openai/fixture-chat');
    // a stored agent with a chain for a model
    const created = await t.as('member', '/api/agents', {
      method: 'POST',
      json: { name: 'Chained', slug: 'chained', model: 'ctl/fixture-chat,openai/fixture-chat' },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    expect((await v1('agent/chained', agentsToo)).status).toBe(403);
    const allowed = await t.as('member', '/api/agents', {
      method: 'POST',
      json: { name: 'Ctl', slug: 'ctl-agent', model: 'ctl/fixture-chat' },
    });
    expect(allowed.status).toBe(201);
    expect((await v1('agent/ctl-agent', agentsToo)).status).toBe(200);
  });

  test('embeddings chains too; an unknown model lists only allowed ones', async () => {
    const embed = await t.as({ key }, '/v1/embeddings', {
      method: 'POST',
      json: { model: 'ctl/fixture-embed,openai/fixture-embed', input: 'x' },
    });
    expect(embed.status).toBe(403);
    const unknown = await v1('ctl/nope');
    expect(unknown.status).toBe(404);
    const valid = (await bodyOf(unknown)).error.details?.validModels as string[] | undefined;
    expect(valid?.every((id) => id.startsWith('ctl/'))).toBe(true);
  });
});

describe('REST chat with a key', () => {
  const newConversation = async (json: Record<string, unknown>) => {
    const res = await t.as({ key }, '/api/conversations', { method: 'POST', json });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const send = (id: string, json: Record<string, unknown> = {}) =>
    t.as({ key }, `/api/conversations/${id}/messages`, { method: 'POST', json: { content: 'hi', ...json } });

  test('the conversation’s model, the message’s, the default and an agent’s are all checked', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ model: 'openai/fixture-chat' }, {}],
      [{}, {}],
      [{ model: 'ctl/fixture-chat' }, { model: 'ctl/fixture-500,openai/fixture-chat' }],
      [{ model: 'ctl/fixture-chat' }, { model: 'fast' }],
      [{ model: 'fast' }, {}],
      [{ agentId: 'listener' }, {}],
      [{ agentId: 'builtin:listener' }, { model: 'ctl/fixture-chat,openai/fixture-chat' }],
    ];
    for (const [conversation, message] of cases) {
      const res = await send(await newConversation(conversation), message);
      expect(res.status, JSON.stringify([conversation, message])).toBe(403);
    }
    // the conversation's own model comes before the agent's: that one is what is reached
    for (const conversation of [
      { model: 'ctl/fixture-chat' },
      { agentId: 'listener', model: 'ctl/fixture-chat' },
    ]) {
      const ok = await send(await newConversation(conversation));
      expect(ok.status).toBe(200);
      await ok.text();
    }
  });

  test('regenerate and the agent draft are checked too', async () => {
    const id = await newConversation({ model: 'ctl/fixture-chat' });
    await (await send(id)).text();
    const regen = await t.as({ key }, `/api/conversations/${id}/regenerate`, {
      method: 'POST',
      json: { model: 'openai/fixture-chat' },
    });
    expect(regen.status).toBe(403);
    const draft = await t.as({ key }, '/api/agents/draft', {
      method: 'POST',
      json: { idea: 'a travel planner', model: 'openai/fixture-json' },
    });
    expect(draft.status).toBe(403);
  });
});
