import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ChatTestApp, newConversation, startChatTestApp } from '../../test/helpers/chat-test-app';
import { readSseJson } from '../../test/helpers/read-sse';
import { safetyEvents } from '../db/schema';
import type { ChatGuard } from '../safety/chat-guard';
import { defaultGuards } from '../safety/default-guards';
import { generateTitle } from './generate-title';

/** The title request is a model call like any other: a cloud model never sees the raw question. */
const guards: ChatGuard[] = [];
let t: ChatTestApp;
beforeAll(async () => {
  t = await startChatTestApp({ guards });
  guards.push(...defaultGuards(t.database, t.gateway));
}, 60_000);
afterAll(() => t?.close());

test('the title request goes through the guards: personal data is redacted', async () => {
  const { id } = await newConversation(t, { model: 'openai/fixture-titles' });
  const res = await t.request(`/api/conversations/${id}/messages`, {
    method: 'POST',
    json: { content: '我的手机号是 13800138000，邮箱 li.lei@example.com，帮我写封信' },
  });
  expect(res.status).toBe(200);
  const events = await readSseJson(res);
  expect(events.find((e) => e.event === 'title')?.data).toEqual({ title: 'Fixture title' });
  const titleCalls = t.fixture.requests.filter((r) => JSON.stringify(r.body ?? '').includes('short title'));
  expect(titleCalls).toHaveLength(1);
  const sent = JSON.stringify(titleCalls[0]!.body);
  expect(sent).toContain('[PHONE_1]');
  expect(sent).toContain('[EMAIL_1]');
  expect(sent).not.toContain('13800138000');
  expect(sent).not.toContain('li.lei@example.com');
});

test('an ordinary answer starting with 你 raises no injection flag: the exchange goes in its own roles', async () => {
  const question = '怎么写请假邮件？';
  const answers = [
    '你可以按下面的格式写：称呼、请假原因、时间、交接安排。',
    'Your email should say why and for how long.',
  ];
  for (const answer of answers) {
    const title = await generateTitle(t.deps, {
      model: 'openai/fixture-titles',
      question,
      answer,
      userId: t.user.id,
    });
    expect(title).toBe('Fixture title');
  }
  const call = t.fixture.requests.findLast((r) => JSON.stringify(r.body ?? '').includes('short title'));
  expect(call?.body.messages.map((m: { role: string }) => m.role)).toEqual([
    'system',
    'user',
    'assistant',
    'user',
  ]);
  await new Promise((resolve) => setTimeout(resolve, 200)); // events are written off the hot path
  const flags = await t.database.db.select().from(safetyEvents).where(eq(safetyEvents.kind, 'injection'));
  expect(flags).toEqual([]);
});
