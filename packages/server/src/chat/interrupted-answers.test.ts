import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database';
import type { Database } from '../db';
import { messages } from '../db/schema';
import { createUser } from '../users/user-store';
import { createConversation } from './conversation-store';
import { answerLeaseMs, sweepInterruptedAnswers } from './interrupted-answers';
import { saveTurn, storeUserMessage } from './message-store';
import { PartialAnswer, writePartialAnswer } from './partial-answer';

let database: Database;
let conversationId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUser(database.db, { username: 'ann', password: 'correct horse', role: 'member' });
  conversationId = (await createConversation(database.db, user.id, {})).id;
}, 60_000);
afterAll(() => database?.close());

const statusOf = async (id: string) =>
  (await database.db.select().from(messages).where(eq(messages.id, id)))[0]?.status;

async function streamingAnswer(ageMs: number): Promise<string> {
  const user = { id: randomUUID(), content: 'q', createdAt: new Date(Date.now() - ageMs - 1) };
  await storeUserMessage(database.db, conversationId, user);
  const id = randomUUID();
  await writePartialAnswer(
    database.db,
    { id, conversationId, parentId: user.id, notBefore: 0 },
    { content: 'so far', reasoning: '', model: 'm' },
  );
  await database.db
    .update(messages)
    .set({ createdAt: new Date(Date.now() - ageMs) })
    .where(eq(messages.id, id));
  return id;
}

test('with a shared database only answers past their lease are marked, now and a lease later', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const dead = await streamingAnswer(answerLeaseMs + 5000);
    const live = await streamingAnswer(1000);
    const sweep = await sweepInterruptedAnswers(database.db, { soleWriter: false });
    expect(sweep.marked).toBe(1);
    expect(await statusOf(dead)).toBe('interrupted');
    expect(await statusOf(live)).toBe('streaming');
    // the live one is renewed in time by its process; a dying one is not
    await database.db
      .update(messages)
      .set({ createdAt: new Date(0) })
      .where(eq(messages.id, live));
    await vi.advanceTimersByTimeAsync(answerLeaseMs + 1000);
    await vi.waitFor(async () => expect(await statusOf(live)).toBe('interrupted'));
    sweep.close();
  } finally {
    vi.useRealTimers();
  }
});

test('the sole writer of the database marks every streaming answer at once', async () => {
  const fresh = await streamingAnswer(0);
  const sweep = await sweepInterruptedAnswers(database.db, { soleWriter: true });
  expect(sweep.marked).toBe(1);
  expect(await statusOf(fresh)).toBe('interrupted');
});

test('partial writes are batched off the streaming path, and the final save wins', async () => {
  const user = { id: randomUUID(), content: 'q', createdAt: new Date() };
  await storeUserMessage(database.db, conversationId, user);
  const id = randomUUID();
  let text = '';
  let writes = 0;
  const partial = new PartialAnswer(
    database.db,
    { id, conversationId, parentId: user.id, notBefore: user.createdAt.getTime() + 1 },
    () => {
      writes++;
      return { content: text, reasoning: '', model: 'm' };
    },
    { intervalMs: 50, maxChars: 1_000_000 },
  );
  const started = performance.now();
  for (let i = 0; i < 20_000; i++) {
    text += 'x';
    partial.touch(1);
  }
  const touchMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(writes).toBeGreaterThanOrEqual(2);
  expect(writes).toBeLessThan(10);
  expect(touchMs).toBeLessThan(200);
  const [kept] = await database.db.select().from(messages).where(eq(messages.id, id));
  expect(kept).toMatchObject({ status: 'streaming', content: text, role: 'assistant', parentId: user.id });
  expect(kept!.createdAt.getTime()).toBeGreaterThan(user.createdAt.getTime());

  await partial.close();
  await saveTurn(database.db, {
    conversationId,
    user,
    assistant: {
      id,
      parentId: user.id,
      content: 'final',
      reasoning: null,
      toolCalls: null,
      model: 'm',
      status: 'complete',
      usage: null,
    },
  });
  // a late partial write cannot bring a stored answer back to `streaming`
  await writePartialAnswer(
    database.db,
    { id, conversationId, parentId: user.id, notBefore: 0 },
    { content: 'late', reasoning: '', model: 'm' },
  );
  const rows = await database.db.select().from(messages).where(eq(messages.conversationId, conversationId));
  expect(rows.filter((r) => r.id === user.id)).toHaveLength(1);
  expect(rows.find((r) => r.id === id)).toMatchObject({ status: 'complete', content: 'final' });
});
