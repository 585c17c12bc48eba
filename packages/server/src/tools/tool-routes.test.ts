import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMcpHttpFixture } from '../../test/fixtures/mcp-fixture-server';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { closeToolHost } from './tool-host';

/** GET /api/tools: what the agent editor offers. */
let http: { url: string; close(): Promise<void> };
let t: ChatTestApp;

beforeAll(async () => {
  http = await startMcpHttpFixture();
  t = await startChatTestApp({
    env: {
      QIAO_MCP_SERVERS: JSON.stringify({
        remote: { url: http.url },
        gone: { url: 'http://127.0.0.1:9/mcp' },
      }),
      QIAO_SEARCH_PROVIDER: 'searxng',
      QIAO_SEARCH_URL: 'http://127.0.0.1:9',
    },
  });
}, 60_000);
afterAll(async () => {
  if (t) await closeToolHost(t.deps.config);
  await t?.close();
  await http?.close();
});

test('lists the built-in tools and the tools of reachable MCP servers, with their source', async () => {
  const res = await t.request('/api/tools');
  expect(res.status).toBe(200);
  const { tools } = (await res.json()) as any;
  expect(tools.filter((tool: any) => tool.source === 'builtin').map((tool: any) => tool.name)).toEqual([
    'current_time',
    'get_weather',
    'web_search',
    'read_url',
    'calculator',
  ]);
  const mcp = tools.filter((tool: any) => tool.source === 'mcp');
  expect(mcp.map((tool: any) => tool.name)).toEqual([
    'mcp_remote_echo',
    'mcp_remote_add',
    'mcp_remote_fail',
    'mcp_remote_hang',
  ]);
  expect(mcp[0]).toMatchObject({ server: 'remote', description: expect.not.stringMatching(/^\[MCP/) });
  for (const tool of tools) expect(tool.description.length).toBeGreaterThan(0);
}, 30_000);

test('any signed-in user may list tools; no credentials is 401', async () => {
  const viewer = await t.addUser('bob');
  expect((await t.request('/api/tools', { key: viewer.key })).status).toBe(200);
  expect((await t.app.request('/api/tools')).status).toBe(401);
});
