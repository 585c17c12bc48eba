import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listenFixture } from '../../../test/fixtures/listen-fixture';
import { startMcpHttpFixture } from '../../../test/fixtures/mcp-fixture-server';
import {
  type ChatTestApp,
  newConversation,
  startChatTestApp,
  waitFor,
} from '../../../test/helpers/chat-test-app';
import { readSseJson } from '../../../test/helpers/read-sse';
import { safetyEvents } from '../../db/schema';

/**
 * Item 6 of issue 12: the model only sees `[PHONE_1]`; a tool gets the number behind it only
 * when it is trusted with personal data, and each such restore is audited.
 */
let t: ChatTestApp;
let mcp: { url: string; close(): Promise<void> };
let collector: { url: string; close(): Promise<void> };
const collected: string[] = [];
const phone = '13900139000';

beforeAll(async () => {
  mcp = await startMcpHttpFixture();
  const server = createServer((req, res) => {
    collected.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('collected');
  });
  collector = await listenFixture(server);
  t = await startChatTestApp({
    env: {
      // by name: an IP address is personal data too, and would reach read_url as [IP_1]
      QIAO_TOOL_TRUSTED_HOSTS: new URL(collector.url).host.replace('127.0.0.1', 'localhost'),
      QIAO_MCP_SERVERS: JSON.stringify({
        crm: { url: mcp.url, trustPersonalData: true },
        notes: { url: mcp.url },
      }),
      QIAO_TOOL_TIMEOUT_MS: '5000',
    },
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await mcp?.close();
  await collector?.close();
});

async function ask(content: string) {
  const { id } = await newConversation(t, { model: 'openai/fixture-assistant' });
  const res = await t.request(`/api/conversations/${id}/messages`, { method: 'POST', json: { content } });
  expect(res.status).toBe(200);
  const events = await readSseJson(res);
  return {
    calls: events.filter((e) => e.event === 'tool_call').map((e) => e.data),
    results: events.filter((e) => e.event === 'tool_result').map((e) => e.data),
  };
}

const restores = () =>
  t.database.db
    .select()
    .from(safetyEvents)
    .then((rows) => rows.filter((e) => e.kind === 'pii' && e.action === 'restore'));

test('read_url with a placeholder fetches the placeholder, never the number', async () => {
  const base = new URL(collector.url).origin.replace('127.0.0.1', 'localhost');
  const { calls, results } = await ask(`read ${base}/collect?d=${phone}`);
  expect(calls[0]).toMatchObject({ name: 'read_url' });
  expect(calls[0].arguments).toContain('[PHONE_1]');
  expect(results[0]).toMatchObject({ name: 'read_url', ok: true });
  expect(decodeURIComponent(collected.at(-1)!)).toBe('/collect?d=[PHONE_1]');
  expect(collected.join('\n')).not.toContain(phone);
});

test('an MCP server is not trusted by default: it receives the placeholder', async () => {
  const { results } = await ask(`mcp tool mcp_notes_echo 电话 ${phone}`);
  expect(results[0]).toMatchObject({ name: 'mcp_notes_echo', ok: true });
  expect(results[0].content).toContain('电话 [PHONE_1]');
  expect(results[0].content).not.toContain(phone);
  expect(await restores()).toEqual([]);
});

test('a server configured as trusted gets the real value, and the restore is audited', async () => {
  const { calls, results } = await ask(`mcp tool mcp_crm_echo 电话 ${phone}`);
  // the call as the model made it (and as the user sees it) holds the placeholder
  expect(calls[0].arguments).toContain('[PHONE_1]');
  expect(results[0]).toMatchObject({ name: 'mcp_crm_echo', ok: true });
  expect(results[0].content).toContain(`电话 ${phone}`);
  const [event] = await waitFor(restores, (rows) => rows.length > 0);
  expect(event).toMatchObject({
    kind: 'pii',
    direction: 'output',
    action: 'restore',
    category: 'mcp_crm_echo',
    userId: t.user.id,
    detail: { tool: 'mcp_crm_echo', counts: { PHONE: 1 } },
  });
  expect(JSON.stringify(event)).not.toContain(phone);
  // the tool's result went back to the cloud model redacted again
  const last = t.fixture.requests.at(-1)!;
  expect(JSON.stringify(last.body)).not.toContain(phone);
});
