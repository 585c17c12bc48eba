import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeUi, phone } from './ui-harness';

const handbook = [
  '# 员工手册',
  '## 年假',
  '正式员工每年享有十五天带薪年假。年假需要提前一周在系统中申请，并由直属经理审批。',
].join('\n\n');
const travel = 'Travel policy overview. Hotels are booked through the portal.';
// the handbook answers it; the travel note shares only its English word, far below the threshold
const query = '年假需要提前多久申请 travel';

describeUi('hit test marks what chat would not use, in headless Chromium', (ui) => {
  let kbUrl = '';

  const hitTest = async (page: Page) => {
    await page.goto(kbUrl);
    await page.getByTestId('tab-hit-test').click();
    await page.getByTestId('hit-test-input').fill(query);
    await page.getByTestId('hit-test-submit').click();
    await expect
      .poll(() => page.getByTestId('hit-row').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
  };

  test('relevance 0–1 on every hit, and below-threshold hits marked but still listed', async () => {
    const page = await ui.signedIn('en-US');
    const created = await page.request.post('/api/knowledge-bases', { data: { name: 'Hit test' } });
    expect(created.status()).toBe(201);
    const kbId = ((await created.json()) as { id: string }).id;
    kbUrl = `/knowledge/${kbId}`;
    for (const [name, text] of [
      ['员工手册.md', handbook],
      ['travel.txt', travel],
    ]) {
      const upload = await page.request.post(`/api/knowledge-bases/${kbId}/documents`, {
        multipart: { file: { name: name!, mimeType: 'text/plain', buffer: Buffer.from(text!) } },
      });
      expect(upload.ok()).toBe(true);
    }
    const ready = async () => {
      const res = await page.request.get(`/api/knowledge-bases/${kbId}/documents`);
      const { documents } = (await res.json()) as { documents: { status: string }[] };
      return documents.filter((doc) => doc.status === 'ready').length;
    };
    await expect.poll(ready, { timeout: 60_000 }).toBe(2);

    await hitTest(page);
    await expect(page.getByTestId('hit-threshold').textContent()).resolves.toBe(
      'Relevance 0–1; chat uses only passages at or above 0.20',
    );
    const rows = page.getByTestId('hit-row');
    for (const text of await page.getByTestId('hit-relevance').allTextContents())
      expect(text).toMatch(/^Relevance (0\.\d\d|1\.00)$/);
    const leave = rows.filter({ hasText: '提前一周' });
    await expect(leave.getAttribute('data-passes')).resolves.toBe('true');
    await expect(leave.getByTestId('hit-below-threshold').count()).resolves.toBe(0);
    await expect(leave.textContent()).resolves.not.toMatch(/\d+\.\d{4}/); // no raw BM25 on screen
    const below = rows.filter({ hasText: 'Travel policy' });
    await expect(below.getAttribute('data-passes')).resolves.toBe('false');
    await expect(below.getByTestId('hit-below-threshold').textContent()).resolves.toBe(
      'Below threshold: chat will not use it',
    );
    // set apart on screen, not only in the DOM (the server's tsconfig has no DOM types: a string)
    const style = await page.evaluate(
      "getComputedStyle(document.querySelector('[data-testid=hit-row][data-passes=false]')).borderTopStyle",
    );
    expect(style).toBe('dashed');
    await ui.shot(page, 'kb-hit-test-threshold-desktop-en');
  }, 180_000);

  test('the same marks in Chinese on a 390 px phone', async () => {
    const page = await ui.signedIn('zh-CN', phone);
    await hitTest(page);
    const below = page.getByTestId('hit-row').filter({ hasText: 'Travel policy' });
    await expect(below.getByTestId('hit-below-threshold').textContent()).resolves.toBe(
      '低于阈值，不会用于对话',
    );
    await expect(page.getByTestId('hit-relevance').first().textContent()).resolves.toMatch(/^相关度 /);
    const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await ui.shot(page, 'kb-hit-test-threshold-phone-zh');
  }, 120_000);
});
