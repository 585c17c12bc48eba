import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { requestLog } from '../../src/db/schema';
import { describeUi, phone } from './ui-harness';

describeUi('the usage page in headless Chromium', (ui) => {
  test("an admin sees totals, a chart per figure and tables per model and user, in both languages; settings show one's own", async () => {
    const at = (expression: string) => sql.raw(expression);
    const row = { source: 'v1' as const, requestedModel: 'fast', status: 'ok' as const, costUsd: 0.002 };
    await ui.database.db.insert(requestLog).values([
      {
        ...row,
        model: 'deepseek/deepseek-chat',
        inputTokens: 1200,
        outputTokens: 300,
        latencyMs: 900,
        ttftMs: 300,
        createdAt: at("now() - interval '2 days'"),
      },
      {
        ...row,
        model: 'deepseek/deepseek-chat',
        inputTokens: 800,
        outputTokens: 500,
        latencyMs: 1300,
        ttftMs: 350,
        createdAt: at("now() - interval '1 day'"),
      },
      {
        ...row,
        model: 'deepseek/deepseek-chat',
        inputTokens: 500,
        outputTokens: 200,
        latencyMs: 700,
        ttftMs: 250,
        createdAt: at("now() - interval '1 hour'"),
      },
      {
        ...row,
        model: 'qwen/qwen-max',
        status: 'error',
        inputTokens: 100,
        outputTokens: 0,
        latencyMs: 3000,
        ttftMs: null,
        createdAt: at("now() - interval '1 day'"),
      },
    ] as never);
    const page = await ui.signedIn('en-US');
    // one real call through /v1 with a key made by this admin: it lands in the log and on the page
    const { key } = await (await page.request.post('/api/keys', { data: { name: 'usage' } })).json();
    const call = await page.request.post('/v1/chat/completions', {
      headers: { authorization: `Bearer ${key}` },
      data: { model: 'openai/fixture-chat', messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(call.status()).toBe(200);

    await page.goto('/admin');
    await page.getByTestId('admin-tab-usage').click();
    await page.getByTestId('admin-usage').waitFor();
    await expect
      .poll(() => page.getByTestId('usage-total-requests').locator('strong').textContent())
      .toBe('5');
    expect(await page.getByTestId('usage-total-errors').locator('strong').textContent()).toBe('20.0%');
    for (const chart of ['requests', 'tokens', 'cost', 'latency']) {
      await expect.poll(() => page.getByTestId(`usage-chart-${chart}`).locator('canvas').count()).toBe(1);
    }
    await expect
      .poll(() => page.getByTestId('usage-chart-tokens').locator('.u-legend').textContent())
      .toContain('Output');
    const models = page.locator('[data-testid=usage-models] tbody tr');
    expect(await models.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual([
      'deepseek/deepseek-chat',
      'openai/fixture-chat',
      'qwen/qwen-max',
    ]);
    expect(await models.first().locator('td').nth(1).textContent()).toBe('3');
    const users = await page.locator('[data-testid=usage-users] tbody td:first-child').allTextContents();
    expect(users).toEqual(['(system jobs)', 'admin']);
    await ui.shot(page, 'admin-usage-desktop-en');

    await page.getByTestId('usage-range').selectOption('7');
    await expect
      .poll(() => page.getByTestId('usage-total-requests').locator('strong').textContent())
      .toBe('5');

    // settings: one's own usage only, the /v1 call made with this admin's key
    await page.goto('/settings/usage');
    await page.getByTestId('my-usage').waitFor();
    await expect
      .poll(() => page.getByTestId('usage-total-requests').locator('strong').textContent())
      .toBe('1');
    expect(await page.locator('[data-testid=usage-models] tbody tr').getAttribute('data-key')).toBe(
      'openai/fixture-chat',
    );
    expect(await page.getByTestId('usage-users').count()).toBe(0);
    await ui.shot(page, 'settings-usage-desktop-en');

    const zh = await ui.signedIn('zh-CN', phone);
    await zh.goto('/admin/usage');
    await expect.poll(() => zh.getByTestId('usage-total-requests').textContent()).toContain('请求');
    expect(await zh.getByTestId('admin-tab-usage').textContent()).toBe('用量');
    await zh.getByTestId('usage-chart-requests').locator('canvas').waitFor();
    await ui.shot(zh, 'admin-usage-phone-zh');
  }, 180_000);
});
