import { type ChatStreamPart, compileLexicon } from '@qiao/core';
import type { GuardContext } from '../src/safety/chat-guard';
import { defaultTerms } from '../src/safety/default-lexicon';
import { createInjectionGuard } from '../src/safety/injection-guard';
import { createModerationGuard } from '../src/safety/moderation-guard';

/**
 * How long the output guards hold visible text back on a paced stream: a model that sends
 * two Chinese characters every 20 ms, through moderation (default lexicon) and the
 * system-prompt leak guard, with reasoning and text parts interleaved. Prints time to first
 * visible text and the mean and worst delay of a character.
 * `npx tsx packages/server/bench/moderation-hold-latency.ts`
 */
const matcher = compileLexicon(
  Object.entries(defaultTerms).flatMap(([category, terms]) =>
    terms.map((term) => ({ term, category, action: 'block' as const })),
  ),
);
const moderation = createModerationGuard(
  { get: async () => ({ matcher, messageFor: () => 'BLOCKED' }) },
  () => {},
);
const injection = createInjectionGuard(() => {});
const answer =
  '你好，这是一段很普通的回答，用来测量输出守卫把文字扣留了多久。我们一步一步来看看结果如何。'.repeat(3);
const sentAt = new Map<number, number>();

async function* paced(withReasoning: boolean): AsyncIterable<ChatStreamPart> {
  yield { type: 'start', model: 'x', requestId: 'r' };
  for (let i = 0; i < answer.length; i += 2) {
    await new Promise((r) => setTimeout(r, 20));
    sentAt.set(i, performance.now());
    if (withReasoning) yield { type: 'reasoning-delta', text: '嗯' };
    yield { type: 'text-delta', text: answer.slice(i, i + 2) };
  }
  yield { type: 'finish', reason: 'stop' };
}

for (const [withPrompt, withReasoning] of <[boolean, boolean][]>[
  [false, false],
  [false, true],
  [true, false],
  [true, true],
]) {
  const ctx: GuardContext = { source: 'v1', model: 'x' };
  if (withPrompt)
    await injection.checkInput!(
      [
        { role: 'system', content: 'You are a helpful assistant of Example Corp.' },
        { role: 'user', content: 'hi' },
      ],
      ctx,
    );
  const start = performance.now();
  let seen = 0;
  let first = -1;
  const delays: number[] = [];
  for await (const part of moderation.transformOutput!(
    injection.transformOutput!(paced(withReasoning), ctx),
    ctx,
  )) {
    if (part.type !== 'text-delta') continue;
    const now = performance.now();
    if (first < 0) first = now - start;
    for (let k = 0; k < part.text.length; k++, seen++) delays.push(now - sentAt.get(seen - (seen % 2))!);
  }
  const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
  console.log(
    `${withPrompt ? 'moderation + prompt-leak guard' : 'moderation only               '}, ${withReasoning ? 'text + reasoning' : 'text only      '}: first visible text ${first.toFixed(0)} ms (model's first chunk at ~20 ms), mean hold ${mean.toFixed(0)} ms, worst ${Math.max(...delays).toFixed(0)} ms`,
  );
}
