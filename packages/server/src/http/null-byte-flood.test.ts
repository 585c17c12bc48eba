import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../config';
import { type ServerHandle, startServer } from '../server/start-server';

/**
 * Issue 12 item 13: on the embedded database (PGlite in its child process, one shared
 * connection) a NUL character in any request must be the sender's 400, never another user's 500.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'qiao-nul-'));
let server: ServerHandle;
const keys: Record<string, string> = {};
beforeAll(async () => {
  server = await startServer(
    loadConfig({ QIAO_DATA_DIR: dataDir, PORT: '0', QIAO_SECRET: 'nul-test-secret-0123456789' }),
    { log: () => {} },
  );
  const local = { authorization: `Bearer ${server.localToken}`, 'content-type': 'application/json' };
  for (const username of ['mallory', 'victim']) {
    const user = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: local,
      body: JSON.stringify({ username, password: `${username} password` }),
    });
    expect(user.status, await user.clone().text()).toBe(201);
    const key = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: local,
      body: JSON.stringify({ name: 'k', username }),
    });
    keys[username] = ((await key.json()) as { key: string }).key;
  }
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (who: string, path: string, method = 'GET', body?: string, type = 'application/json') =>
  fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${keys[who]}`,
      ...(body === undefined ? {} : { 'content-type': type }),
    },
    body,
  });

/** What a hostile user sends: NUL in values, keys, nesting, queries, path params, file names. */
function hostile(): [string, string, string?, string?][] {
  const nul = '\u0000';
  const form = (filename: string, field = 'file') =>
    `--b\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`;
  return [
    ['/api/topics', 'POST', JSON.stringify({ name: `x${nul}y` })],
    ['/api/topics', 'POST', JSON.stringify({ name: nul })],
    ['/api/topics', 'POST', '{"name":"a\\u0000b"}'],
    ['/api/topics', 'POST', `{"name":"ok","na${'\\u0000'}me":1}`],
    ['/api/conversations', 'POST', JSON.stringify({ title: `t${nul}`, model: `m${nul}` })],
    ['/api/me/settings', 'PATCH', JSON.stringify({ defaultModel: `openai/x${nul}` })],
    ['/api/keys', 'POST', JSON.stringify({ name: `k${nul}`, models: [`a/${nul}`] })],
    ['/api/auth/login', 'POST', JSON.stringify({ username: `victim${nul}`, password: 'x' })],
    [`/api/conversations?q=a%00b`, 'GET'],
    [`/api/conversations/a%00b`, 'GET'],
    [`/api/topics/x%00y`, 'PATCH', JSON.stringify({ name: 'z' })],
    [`/api/keys?username=victim%00`, 'GET'],
    [`/api/admin/audit?actor=%00`, 'GET'],
    ['/api/files', 'POST', form(`a${nul}b.txt`), 'multipart/form-data; boundary=b'],
    ['/api/files', 'POST', form('a.txt', `fi${nul}le`), 'multipart/form-data; boundary=b'],
    ['/v1/chat/completions', 'POST', JSON.stringify({ model: `openai/x${nul}`, messages: [] })],
    ['/api/topics', 'POST', `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ];
}

test('a flood of NUL characters is the sender’s 400s; another user sees no 500', async () => {
  const attacks = hostile();
  const statuses = new Map<string, number>();
  let victimFailures = 0;
  let victimCalls = 0;
  const victim = async () => {
    for (let i = 0; i < 30; i++) {
      const responses = await Promise.all([
        call('victim', '/api/topics'),
        call('victim', '/api/topics', 'POST', JSON.stringify({ name: `topic ${i}` })),
        call('victim', '/api/conversations'),
      ]);
      for (const res of responses) {
        victimCalls++;
        if (res.status >= 500) victimFailures++;
        await res.arrayBuffer();
      }
    }
  };
  const attacker = async () => {
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        attacks.map(async ([path, method, body, type]) => {
          const res = await call('mallory', path, method, body, type);
          statuses.set(`${method} ${path} ${body ?? ''}`, res.status);
          await res.arrayBuffer();
        }),
      );
    }
  };
  await Promise.all([victim(), attacker()]);
  expect(victimFailures, `${victimFailures} of ${victimCalls} victim calls failed`).toBe(0);
  for (const [attack, status] of statuses) {
    expect(status, attack).toBeGreaterThanOrEqual(400);
    expect(status, attack).toBeLessThan(500);
  }
}, 120_000);
