import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { describeUi } from './ui-harness';

describeUi('the audit log pages and exports in headless Chromium', (ui) => {
  test('"Load more" follows the server\'s cursor; the export holds every filtered entry', async () => {
    // 120 entries, several per millisecond, so pages meet inside a run of equal timestamps
    const start = Date.UTC(2031, 0, 1);
    await ui.database.db.insert(auditLog).values(
      Array.from({ length: 120 }, (_, i) => ({
        action: 'paging.ui',
        target: `row${i}`,
        createdAt: new Date(start + Math.floor(i / 7)),
      })),
    );
    const page = await ui.signedIn('en-US');
    await page.goto('/admin/audit');
    await page.getByTestId('audit-filters').waitFor();
    await page.getByTestId('audit-action').fill('paging.');
    await page.getByTestId('audit-limit').selectOption('50');
    await page.getByTestId('audit-apply').click();
    const rows = page.locator('[data-testid=audit-row][data-action="paging.ui"]');
    await expect.poll(() => rows.count()).toBe(50);
    await expect.poll(() => page.getByTestId('audit-shown').textContent()).toBe('Showing 50 entries');
    await page.getByTestId('audit-load-more').scrollIntoViewIfNeeded();
    await ui.shot(page, 'admin-audit-paged-desktop-en');

    await page.getByTestId('audit-load-more').click();
    await expect.poll(() => rows.count()).toBe(100);
    await page.getByTestId('audit-load-more').click();
    await expect.poll(() => rows.count()).toBe(120);
    await expect.poll(() => page.getByTestId('audit-shown').textContent()).toBe('Showing all 120 entries');
    expect(await page.getByTestId('audit-load-more').count()).toBe(0);
    const targets = await page.locator('[data-testid=audit-row] td:nth-child(4)').allTextContents();
    expect(new Set(targets).size).toBe(120);

    // the export carries the filters, not the page size: all 120, whatever is on screen
    expect(await page.getByTestId('audit-export-csv').getAttribute('href')).toBe(
      '/api/admin/audit?action=paging.&format=csv',
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.trimEnd().split('\n')).toHaveLength(121);

    const zh = await ui.signedIn('zh-CN');
    await zh.goto('/admin/audit');
    await zh.getByTestId('audit-action').fill('paging.ui');
    await zh.getByTestId('audit-limit').selectOption('500');
    await zh.getByTestId('audit-apply').click();
    await expect.poll(() => zh.getByTestId('audit-shown').textContent()).toBe('已显示全部 120 条');
  }, 180_000);
});
