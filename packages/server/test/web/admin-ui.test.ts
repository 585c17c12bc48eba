import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeUi, phone } from './ui-harness';

describeUi('admin pages in headless Chromium', (ui) => {
  const userRow = (page: Page, name: string) =>
    page.locator(`[data-testid=user-row][data-username="${name}"]`);
  const downloaded = async (page: Page, testId: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    return readFileSync(await (await download).path(), 'utf8');
  };

  test('an admin manages users, teams, keys with limits, lexicons with hit counts, and the audit log', async () => {
    const page = await ui.signedIn('en-US');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/');
    await page.getByTestId('nav-admin').click();

    // users and roles
    await page.getByTestId('admin-users').waitFor();
    await page.getByTestId('new-user-name').fill('carol');
    await page.getByTestId('new-user-password').fill('carol password 1');
    await page.getByTestId('create-user').click();
    await userRow(page, 'carol').waitFor();
    expect(await userRow(page, 'carol').getAttribute('data-role')).toBe('member');
    await userRow(page, 'carol').getByTestId('user-role').selectOption('viewer');
    await expect.poll(() => userRow(page, 'carol').getAttribute('data-role')).toBe('viewer');
    await userRow(page, 'carol').getByTestId('user-toggle').click();
    await expect.poll(() => userRow(page, 'carol').getByTestId('user-status').textContent()).toBe('Disabled');
    const login = await (await ui.page('en-US')).request.post('/api/auth/login', {
      data: { username: 'carol', password: 'carol password 1' },
    });
    expect(login.ok()).toBe(false);
    await userRow(page, 'carol').getByTestId('user-toggle').click();
    await expect.poll(() => userRow(page, 'carol').getByTestId('user-status').textContent()).toBe('Active');
    await ui.shot(page, 'admin-users-desktop-en');

    // teams
    await page.getByTestId('admin-tab-teams').click();
    await page.getByTestId('new-team-name').fill('Research');
    await page.getByTestId('create-team').click();
    const team = page.locator('[data-testid=team-card][data-team="Research"]');
    await team.getByTestId('member-name').fill('carol');
    await team.getByTestId('add-member').click();
    await expect
      .poll(() => team.getByTestId('team-member').allTextContents())
      .toEqual([expect.stringContaining('carol')]);
    const teams = await (await page.request.get('/api/teams')).json();
    expect(teams.teams).toEqual([
      expect.objectContaining({
        name: 'Research',
        members: [expect.objectContaining({ username: 'carol' })],
      }),
    ]);
    await ui.shot(page, 'admin-teams-desktop-en');

    // an API key with limits, made for carol
    await page.getByTestId('admin-tab-keys').click();
    await page.getByTestId('keys-user').selectOption('carol');
    await page.getByTestId('key-name').fill('carol ci');
    await page.getByTestId('key-policy').locator('summary').click();
    await page.getByTestId('key-scope-chat').check();
    await page.getByTestId('key-scope-models').check();
    await page.getByTestId('key-expires').fill('2099-12-31');
    await page.getByTestId('key-dailyRequests').fill('1000');
    await page.getByTestId('key-dailyTokens').fill('200000');
    await page.getByTestId('key-models').fill('openai/*');
    await page.getByTestId('key-ips').fill('127.0.0.1/32, ::1');
    await page.getByTestId('create-key').click();
    const secret = (await page.getByTestId('new-key').locator('code').textContent())!;
    expect(secret).toMatch(/^sk-qiao-/);
    const keyRow = page.locator('[data-testid=key-row][data-key-name="carol ci"]');
    await expect
      .poll(() => keyRow.getByTestId('key-policy-summary').textContent())
      .toMatch(
        /Scopes: Chat, Models.*1,000 requests\/day.*200,000 tokens\/day.*Models: openai\/\*.*IP: 127\.0\.0\.1\/32/,
      );
    const { keys } = await (await page.request.get('/api/keys?username=carol')).json();
    expect(keys[0].policy).toMatchObject({
      scopes: ['chat', 'models'],
      dailyRequests: 1000,
      dailyTokens: 200000,
      models: ['openai/*'],
      ips: ['127.0.0.1/32', '::1'],
    });
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await page.request.get('/v1/models', { headers: bearer })).status()).toBe(200);
    expect((await page.request.get('/api/users', { headers: bearer })).status()).toBe(403);
    await ui.shot(page, 'admin-keys-desktop-en');

    // a lexicon category, a term, and the hit a chat leaves
    await page.getByTestId('admin-tab-moderation').click();
    await page.getByTestId('new-category-id').fill('test_words');
    await page.getByTestId('new-category-label').fill('Test words');
    await page.getByTestId('new-category-action').selectOption('log');
    await page.getByTestId('create-category').click();
    const category = page.locator('[data-testid=category-row][data-category="test_words"]');
    await category.waitFor();
    await category.getByTestId('category-action').selectOption('warn');
    await expect.poll(() => page.getByTestId('terms-category').inputValue()).toBe('test_words');
    await page.getByTestId('new-term').fill('blue pelican');
    await page.getByTestId('add-term').click();
    await page.locator('[data-testid=term-row][data-term="blue pelican"]').waitFor();
    await expect.poll(() => category.getByTestId('category-terms').textContent()).toBe('1');
    await page.getByTestId('import-text').fill('green heron\nred ibis,test_words\nsilver koi,custom');
    await page.getByTestId('import-submit').click();
    await expect.poll(() => category.getByTestId('category-terms').textContent()).toBe('3');
    const csv = await downloaded(page, 'export-csv');
    expect(csv).toContain('blue pelican,test_words');
    expect(csv).toContain('red ibis,test_words');
    expect(csv).not.toContain('silver koi');

    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('composer').fill('I saw a BLUE  pelican today');
    await page.getByTestId('send').click();
    const answer = page.getByTestId('message-assistant').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');

    // the input and the echoed answer hit (and the title request, which sees the same words);
    // events are written off the request path
    await expect
      .poll(async () => {
        await page.goto('/admin/moderation');
        await page.getByTestId('terms-category').selectOption('test_words');
        const term = page.locator('[data-testid=term-row][data-term="blue pelican"]');
        return term.getByTestId('term-hits').textContent({ timeout: 5000 });
      })
      .toMatch(/^Hits: \d+/);
    const termHits = (await page
      .locator('[data-testid=term-row][data-term="blue pelican"]')
      .getByTestId('term-hits')
      .textContent())!.match(/\d+/)![0];
    expect(Number(termHits)).toBeGreaterThanOrEqual(2);
    await page.reload();
    await expect.poll(() => category.getByTestId('category-hits').textContent()).toBe(termHits);
    expect(await category.getByTestId('category-action').inputValue()).toBe('warn');
    await page.locator('[data-testid=hit-term][data-term="blue pelican"]').waitFor();
    await page.getByTestId('tester-text').fill('a b.l.u.e pelican, call 13800138000');
    await page.getByTestId('tester-run').click();
    await expect.poll(() => page.getByTestId('tester-result').getAttribute('data-action')).toBe('warn');
    await expect(page.getByTestId('tester-result').textContent()).resolves.toContain('mobile');
    await ui.shot(page, 'admin-moderation-desktop-en');

    // the audit log, filtered and exported
    await page.getByTestId('admin-tab-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-action').fill('user.');
    await page.getByTestId('audit-actor').fill('admin');
    await page.getByTestId('audit-apply').click();
    await expect
      .poll(
        async () =>
          new Set(
            await page
              .getByTestId('audit-row')
              .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
          ),
      )
      .toEqual(new Set(['user.create', 'user.role', 'user.disable', 'user.enable']));
    await ui.shot(page, 'admin-audit-desktop-en');
    await page.getByTestId('audit-until').fill('2000-01-01');
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(0);
    await page.getByTestId('audit-until').fill('');
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(4);
    const auditCsv = await downloaded(page, 'audit-export-csv');
    expect(auditCsv.split('\n')[0]).toBe('createdAt,actorName,action,target,detail');
    expect(auditCsv).toContain('user.role');
    expect(auditCsv).not.toContain('team.create');
    const jsonl = (await downloaded(page, 'audit-export-jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(jsonl.length).toBe(4);
    expect(jsonl.every((entry) => entry.action.startsWith('user.') && entry.actorName === 'admin')).toBe(
      true,
    );

    await page.getByTestId('audit-action').fill('safety.');
    await page.getByTestId('audit-actor').fill('');
    await page.getByTestId('audit-apply').click();
    await expect
      .poll(() => page.locator('[data-testid=audit-row][data-action="safety.moderation.warn"]').count())
      .toBeGreaterThan(0);
  }, 180_000);

  test('the admin pages in Chinese', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/admin/moderation');
    await page.getByTestId('category-row').first().waitFor();
    await expect(page.getByTestId('admin-tab-audit').textContent()).resolves.toBe('审计日志');
    await ui.shot(page, 'admin-moderation-desktop-zh');
    const small = await ui.signedIn('zh-CN', phone);
    await small.goto('/admin');
    await small.getByTestId('user-row').first().waitFor();
    await ui.shot(small, 'admin-users-phone-zh');
  }, 60_000);

  test('a member sees no admin navigation and the admin API answers 403', async () => {
    const admin = await ui.signedIn('en-US');
    const made = await admin.request.post('/api/users', {
      data: { username: 'dave', password: 'dave password 1' },
    });
    expect(made.status()).toBe(201);
    const page = await ui.page('en-US');
    expect(
      (
        await page.request.post('/api/auth/login', {
          data: { username: 'dave', password: 'dave password 1' },
        })
      ).ok(),
    ).toBe(true);
    await page.goto('/');
    await page.getByTestId('nav-agents').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.goto('/admin');
    await page.getByTestId('admin-denied').waitFor();
    await ui.shot(page, 'admin-denied-member-desktop-en');
    for (const path of [
      '/api/users',
      '/api/admin/audit',
      '/api/admin/moderation/categories',
      '/api/admin/moderation/hits',
      '/api/admin/moderation/terms',
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
    const csrf = { 'x-qiao-csrf': '1' };
    expect((await page.request.post('/api/teams', { data: { name: 'Mine' }, headers: csrf })).status()).toBe(
      403,
    );
    expect(
      (
        await page.request.post('/api/users', {
          data: { username: 'eve', password: 'eve password 1' },
          headers: csrf,
        })
      ).status(),
    ).toBe(403);
  }, 60_000);
});
