import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeUi, phone } from './ui-harness';

// 2×1 red PNG
const twoPixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4z8AARAAI/gH/xp559wAAAABJRU5ErkJggg==',
  'base64',
);

describeUi('agent plaza UI in headless Chromium', (ui) => {
  const cards = (page: Page) => page.getByTestId('plaza-card');
  const card = (page: Page, name: string) =>
    cards(page).filter({ has: page.getByTestId('agent-card-name').getByText(name, { exact: true }) });

  /** A member (not an administrator), signed in in a fresh browser context. */
  const member = async (admin: Page, username: string, locale: string, viewport?: typeof phone) => {
    const password = 'member password 123';
    const made = await admin.request.post('/api/users', { data: { username, password } });
    expect(made.status()).toBe(201);
    const page = await ui.page(locale, viewport);
    const login = await page.request.post('/api/auth/login', { data: { username, password } });
    expect(login.ok()).toBe(true);
    return page;
  };

  test('categories and search, "use" opens a chat with the agent, "copy" makes it mine to edit', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await page.getByTestId('nav-plaza').click();
    await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(12);
    await ui.shot(page, 'ui-plaza-desktop-en');

    await page.getByTestId('plaza-category-translation').click();
    await expect.poll(() => card(page, 'Code Assistant').count()).toBe(0);
    await expect(card(page, 'Translator').count()).resolves.toBe(1);
    await page.getByTestId('plaza-category-all').click();
    await page.getByTestId('plaza-search').fill('contract');
    await expect.poll(() => card(page, 'Contract Reviewer').count()).toBe(1);
    await expect.poll(() => cards(page).count()).toBe(1);
    await page.getByTestId('plaza-search').fill('');

    await card(page, 'Translator').getByTestId('plaza-use').click();
    const welcome = page.locator('[data-testid=welcome][data-agent="builtin:translator"]');
    await welcome.waitFor();
    await expect(welcome.locator('h1').textContent()).resolves.toBe('Translator');
    await expect.poll(() => welcome.getByTestId('suggestion').count()).toBeGreaterThanOrEqual(3);
    await ui.shot(page, 'ui-plaza-use-desktop-en');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('composer').fill('画蛇添足');
    await page.getByTestId('send').click();
    const answer = page.getByTestId('message-assistant').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    const sent = ui.fixture.requests.filter((r) => r.body?.messages?.at(-1)?.content === '画蛇添足').at(-1);
    expect(sent?.body.messages[0].role).toBe('system');
    // the web app sends its UI language (Accept-Language): an English UI gets the English persona
    expect(sent?.body.messages[0].content).toContain('You are a professional translator.');

    await page.goto('/plaza');
    await card(page, 'Translator').getByTestId('plaza-copy').click();
    await expect.poll(() => page.url()).toMatch(/\/agents\/(?!new$)[\w-]+$/);
    await expect.poll(() => page.getByTestId('agent-name').inputValue()).toBe('Translator');
    await page.getByTestId('agent-name').fill('My translator');
    await page.getByTestId('agent-save').click();
    await expect.poll(() => page.getByTestId('agent-version').count()).toBe(2);
  }, 120_000);

  test('a member submits an agent, only administrators see the review queue, approval lists it', async () => {
    const admin = await ui.signedIn('zh-CN');
    const bob = await member(admin, 'bob', 'zh-CN');
    const picture = await bob.request.post('/api/files', {
      multipart: { file: { name: 'runner.png', mimeType: 'image/png', buffer: twoPixelPng } },
    });
    const avatar = `/api/files/${(await picture.json()).id}/content`;
    const made = await bob.request.post('/api/agents', {
      data: { name: '社区跑步教练', avatar, description: '帮你制定跑步计划', category: 'lifestyle' },
    });
    const agent = await made.json();
    await bob.goto(`/agents/${agent.id}`);
    await bob.getByTestId('agent-submit').click();
    await bob.getByTestId('agent-submit').waitFor({ state: 'detached' });
    await bob.goto('/plaza');
    await expect.poll(() => cards(bob).count()).toBeGreaterThanOrEqual(12);
    await expect(bob.getByTestId('plaza-review').count()).resolves.toBe(0);
    await expect(card(bob, '社区跑步教练').count()).resolves.toBe(0);

    await admin.goto('/plaza');
    const submission = admin.getByTestId('plaza-submission').filter({ hasText: '社区跑步教练' });
    await submission.waitFor();
    await ui.shot(admin, 'ui-plaza-review-desktop-zh');
    await submission.getByTestId('plaza-approve').click();
    await expect.poll(() => card(admin, '社区跑步教练').count()).toBe(1);
    await expect(admin.getByTestId('plaza-submission').count()).resolves.toBe(0);

    const carol = await member(admin, 'carol', 'zh-CN', phone);
    await carol.goto('/plaza');
    await carol.getByTestId('plaza-search').fill('跑步');
    await expect.poll(() => card(carol, '社区跑步教练').count()).toBe(1);
    // bob's uploaded avatar shows for carol: served through the agent, not bob's file
    const image = card(carol, '社区跑步教练').locator('[data-testid=agent-avatar] img');
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(2);
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^/api/agents/${agent.id}/avatar`));
    const overflow = await carol.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await ui.shot(carol, 'ui-plaza-phone-zh');
    await card(carol, '社区跑步教练').getByTestId('plaza-use').click();
    await carol.locator(`[data-testid=welcome][data-agent="${agent.id}"]`).waitFor();
  }, 120_000);
});
