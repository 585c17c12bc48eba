import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenAIFixture, startOpenAIFixture } from '../../test/fixtures/openai-fixture-server';
import { createExternalModerationGuard } from './external-moderation-guard';
import type { SafetyEvent } from './safety-events';

let fixture: OpenAIFixture;
const recorded: SafetyEvent[] = [];
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture?.close());

const ctx = { source: 'v1' as const, model: 'openai/x' };

test('a message the /moderations service flags is refused with its categories', async () => {
  const guard = createExternalModerationGuard({ baseUrl: fixture.url, apiKey: 'k' }, (e) => recorded.push(e));
  const ok = [{ role: 'user' as const, content: 'hello' }];
  expect(await guard.checkInput!(ok, ctx)).toBe(ok);
  await expect(
    guard.checkInput!([{ role: 'user', content: 'fixture-flag this' }], ctx),
  ).rejects.toMatchObject({
    code: 'content_blocked',
    details: { categories: ['violence'] },
  });
  expect(recorded.at(-1)).toMatchObject({ kind: 'moderation', category: 'external', action: 'block' });
  expect(fixture.requests.at(-1)!.body).toEqual({ input: 'fixture-flag this' });
});

test('an unreachable service passes by default and refuses when fail-closed', async () => {
  const messages = [{ role: 'user' as const, content: 'hello' }];
  const open = createExternalModerationGuard({ baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 500 }, () => {});
  expect(await open.checkInput!(messages, ctx)).toBe(messages);
  const closed = createExternalModerationGuard(
    { baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 500, failClosed: true },
    () => {},
  );
  await expect(closed.checkInput!(messages, ctx)).rejects.toMatchObject({ code: 'upstream_unavailable' });
});
