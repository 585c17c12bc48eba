import { afterAll, beforeAll, expect, test } from 'vitest';
import { mcpFixturePath, startMcpHttpFixture } from '../../../test/fixtures/mcp-fixture-server';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../../test/helpers/chat-test-app';
import { readSseJson } from '../../../test/helpers/read-sse';
import { runTool } from '../run-tool';
import { closeToolHost } from '../tool-host';
import { ToolRegistry } from '../tool-registry';
import { type McpServers, mcpServers } from './mcp-servers';

let http: { url: string; close(): Promise<void> };
let servers: McpServers;
const errors: string[] = [];

beforeAll(async () => {
  http = await startMcpHttpFixture();
  servers = mcpServers(
    {
      local: { command: process.execPath, args: ['--import', 'tsx', mcpFixturePath] },
      remote: { url: http.url },
      gone: { url: 'http://127.0.0.1:9/mcp' },
    },
    { connectTimeoutMs: 20_000, onError: (server) => errors.push(server) },
  );
});
afterAll(async () => {
  await servers?.close();
  await http?.close();
});

const run = (registry: ToolRegistry, name: string, args: unknown, timeoutMs = 5000) =>
  runTool(
    registry,
    { id: 'c1', name, arguments: JSON.stringify(args) },
    {
      signal: new AbortController().signal,
      timeoutMs,
    },
  );

test('stdio and streamable HTTP servers list their tools, namespaced; a dead server is skipped', async () => {
  const registry = new ToolRegistry(await servers.tools());
  const names = registry.list().map((tool) => tool.name);
  expect(names).toEqual([
    'mcp_local_echo',
    'mcp_local_add',
    'mcp_local_fail',
    'mcp_local_hang',
    'mcp_remote_echo',
    'mcp_remote_add',
    'mcp_remote_fail',
    'mcp_remote_hang',
  ]);
  expect(errors).toEqual(['gone']);
  expect(registry.get('mcp_local_add')!.parameters).toMatchObject({
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
  });
}, 30_000);

test('MCP tools run, report errors readably and obey the per-tool timeout', async () => {
  const registry = new ToolRegistry(await servers.tools());
  expect(await run(registry, 'mcp_local_echo', { text: '你好' })).toMatchObject({
    ok: true,
    text: 'echo: 你好',
  });
  expect(await run(registry, 'mcp_remote_add', { a: 2, b: 40 })).toMatchObject({
    ok: true,
    text: '42',
    data: { sum: 42 },
  });
  expect((await run(registry, 'mcp_local_fail', { text: 'x' })).text).toBe(
    'Tool error: mcp_local_fail failed: the fixture failed on purpose',
  );
  const hung = await run(registry, 'mcp_remote_hang', { text: 'x' }, 200);
  expect(hung).toMatchObject({
    ok: false,
    text: 'Tool error: mcp_remote_hang did not answer within 200 ms.',
  });
  const invalid = await run(registry, 'mcp_local_add', { a: 'two' });
  expect(invalid.ok).toBe(false);
}, 30_000);

test('MCP tools are offered in chat next to the built-ins and their results answer', async () => {
  let t: ChatTestApp | undefined;
  try {
    t = await startChatTestApp({ env: { QIAO_MCP_SERVERS: JSON.stringify({ remote: { url: http.url } }) } });
    const conversation = await newConversation(t, { model: 'openai/fixture-assistant' });
    const res = await t.request(`/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      json: { content: 'please use mcp tool mcp_remote_echo' },
    });
    const events = await readSseJson(res);
    const offered = t.fixture.requests
      .find((r) => r.body?.tools)!
      .body.tools.map((tool: any) => tool.function.name);
    expect(offered).toEqual(
      expect.arrayContaining(['current_time', 'calculator', 'mcp_remote_echo', 'mcp_remote_add']),
    );
    expect(events.find((e) => e.event === 'tool_result')!.data).toMatchObject({
      name: 'mcp_remote_echo',
      ok: true,
      content: 'echo: please use mcp tool mcp_remote_echo',
    });
    expect(events.at(-1)!.event).toBe('done');
  } finally {
    if (t) await closeToolHost(t.deps.config);
    await t?.close();
  }
}, 60_000);
