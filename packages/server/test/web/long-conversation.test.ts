import { expect, test } from 'vitest';
import { conversations, messages, users } from '../../src/db/schema';
import { describeUi } from './ui-harness';

/** Figures, not assertions on time: the log line is what docs/web-ui.md reports. */
describeUi('a 1,000-message conversation in headless Chromium', (ui) => {
  test('opens and scrolls with only the visible rows in the DOM', async () => {
    const page = await ui.signedIn('en-US');
    const { db } = ui.database;
    const [user] = await db.select({ id: users.id }).from(users);
    const [conversation] = await db
      .insert(conversations)
      .values({ userId: user!.id, title: 'A thousand messages' })
      .returning({ id: conversations.id });
    const start = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const turn = Math.floor(i / 2);
      const user = i % 2 === 0;
      return {
        id: `m-${String(i).padStart(4, '0')}`,
        conversationId: conversation!.id,
        role: user ? ('user' as const) : ('assistant' as const),
        content: user
          ? `Question ${turn}: how does step ${turn} work?`
          : `Answer ${turn}. Here is **markdown** with a list:\n\n- one\n- two\n\n\`\`\`js\nconst turn = ${turn};\n\`\`\``,
        parentId: user ? null : `m-${String(i - 1).padStart(4, '0')}`,
        createdAt: new Date(start + i * 1000),
      };
    });
    for (let i = 0; i < rows.length; i += 200) await db.insert(messages).values(rows.slice(i, i + 200));

    await page.goto('/');
    await page.getByTestId('welcome').waitFor();
    const began = Date.now();
    await page.goto(`/c/${conversation!.id}`);
    await page
      .getByTestId('message-assistant')
      .filter({ hasText: 'Answer 499.' })
      .waitFor({ timeout: 30_000 });
    const openMs = Date.now() - began;

    const inDom = await page.locator('[data-testid^="message-"]').count();
    expect(inDom).toBeLessThan(100);

    // a fast flick: 800 px per frame to the top, timing each frame
    const frames = await page.evaluate<{ count: number; median: number; p95: number }>(`(async () => {
      const scroller = document.querySelector('[data-testid="transcript"]');
      const times = [];
      for (let frame = 0; frame < 1000 && scroller.scrollTop > 0; frame++) {
        const t0 = performance.now();
        scroller.scrollTop = Math.max(0, scroller.scrollTop - 800);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { count: times.length, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)] };
    })()`);
    await page.getByTestId('message-user').filter({ hasText: 'Question 0:' }).waitFor({ timeout: 10_000 });
    console.log(
      `[web-ui] 1,000-message conversation: open ${openMs} ms (navigation to last answer visible), ` +
        `scroll to the top at 800 px/frame: ${frames.count} frames, median ${Math.round(frames.median)} ms, ` +
        `p95 ${Math.round(frames.p95)} ms per frame; ${inDom} message rows in the DOM`,
    );
  }, 120_000);
});
