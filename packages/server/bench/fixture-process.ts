import { startOpenAIFixture } from '../test/fixtures/openai-fixture-server';
import { exitWithParent } from './spawn-child';

/**
 * Child process: two fixture upstreams. `fast` answers with no pacing (TTFT and saturation);
 * `paced` streams one token every QIAO_BENCH_TOKEN_DELAY_MS, like a real model does.
 */
const tokenDelayMs = Number(process.env.QIAO_BENCH_TOKEN_DELAY_MS ?? 20);
const fast = await startOpenAIFixture();
const paced = await startOpenAIFixture({ tokenDelayMs });
// Recording every request would grow without bound over a benchmark's thousands of calls.
setInterval(() => {
  fast.requests.length = 0;
  paced.requests.length = 0;
}, 1_000).unref();

process.stdout.write(`${JSON.stringify({ fast: fast.url, paced: paced.url, tokenDelayMs })}\n`);
exitWithParent(async () => {
  await Promise.all([fast.close(), paced.close()]);
});
