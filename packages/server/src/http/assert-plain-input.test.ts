import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ChatTestApp, startChatTestApp } from '../../test/helpers/chat-test-app';
import { assertPlainInput, maxInputDepth } from './assert-plain-input';

const nested = (levels: number, leaf: unknown = {}) => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { type: 'object', properties: { x: value } };
  return value;
};
const arrays = (levels: number) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) as unknown;

describe('assertPlainInput', () => {
  test('NUL in any string or key, at any depth, is a 400 naming the field', () => {
    const hostile: unknown[] = [
      'a\u0000b',
      '\u0000',
      { name: 'x\u0000' },
      { 'na\u0000me': 'x' },
      { a: [{ b: ['ok', 'no\u0000'] }] },
      [['\u0000']],
      nested(50, 'deep\u0000'),
    ];
    for (const value of hostile) expect(() => assertPlainInput(value), JSON.stringify(value)).toThrow(/NUL/);
    try {
      assertPlainInput({ a: [{ b: ['ok', 'no\u0000'] }] });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(/^a\.0\.b\.1: /),
      });
    }
  });

  test('look-alikes of NUL are ordinary text', () => {
    for (const value of ['\\u0000', '%00', '␀', '\u2400', '0', 'x\u0001y', '中文\u3000'])
      assertPlainInput({ value });
  });

  test(`nesting is capped at ${maxInputDepth} levels, checked without recursion`, () => {
    assertPlainInput(arrays(maxInputDepth));
    for (const value of [arrays(maxInputDepth + 1), arrays(200_000), nested(5_000)])
      expect(() => assertPlainInput(value)).toThrow(/nested deeper/);
  });
});

describe('at the HTTP edge', () => {
  let t: ChatTestApp;
  beforeAll(async () => {
    t = await startChatTestApp();
  }, 120_000);
  afterAll(() => t.close());

  /** bodies built as text: JSON.stringify itself overflows on 5,000 levels */
  const nestedText = (levels: number) =>
    `${'{"type":"object","properties":{"x":'.repeat(levels)}{}${'}}'.repeat(levels)}`;
  const arraysText = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const v1 = (extra: string) =>
    t.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"model":"openai/fixture-chat","messages":[{"role":"user","content":"hi"}],${extra}}`,
    });

  test('5,000-level tool parameters or response_format are a 400, not a 502', async () => {
    const bodies = [
      `"tools":[{"type":"function","function":{"name":"f","parameters":${nestedText(5_000)}}}]`,
      `"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":${nestedText(5_000)}}}`,
      `"tools":[{"type":"function","function":{"name":"f","parameters":${nestedText(maxInputDepth)}}}]`,
      `"metadata":${arraysText(100_000)}`,
      `"stop":${arraysText(5_000)}`,
    ];
    for (const body of bodies) {
      const res = await v1(body);
      expect(res.status, (await res.clone().text()).slice(0, 300)).toBe(400);
      expect(((await res.json()) as any).error).toMatchObject({ code: 'validation_failed' });
    }
    // a realistic, deep-ish schema still passes
    const ok = await v1(
      `"tools":[{"type":"function","function":{"name":"f","parameters":${nestedText(20)}}}]`,
    );
    expect(ok.status).toBe(200);
  });

  test('NUL in a body, a query or a path is a 400 everywhere', async () => {
    const cases: [string, RequestInit & { json?: unknown }][] = [
      ['/api/topics', { method: 'POST', json: { name: 'x\u0000y' } }],
      ['/api/conversations', { method: 'POST', json: { model: 'openai/fixture-chat\u0000' } }],
      [
        '/v1/chat/completions',
        {
          method: 'POST',
          json: { model: 'openai/fixture-chat', messages: [{ role: 'user', content: 'a\u0000' }] },
        },
      ],
      ['/api/conversations?q=%00', {}],
      ['/api/conversations/%00', {}],
      ['/api/topics/a%00b', { method: 'PATCH', json: { name: 'y' } }],
      ['/api/auth/login', { method: 'POST', json: { username: 'alice\u0000', password: 'x' } }],
    ];
    for (const [path, init] of cases) {
      const res = await t.request(path, init);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(400);
    }
  });
});
