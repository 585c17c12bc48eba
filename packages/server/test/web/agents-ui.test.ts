import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeUi, phone } from './ui-harness';

const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describeUi('agents UI in headless Chromium', (ui) => {
  const versions = (page: Page) => page.getByTestId('agent-version');
  const savedId = async (page: Page) => {
    await expect.poll(() => page.url()).toMatch(/\/agents\/(?!new$)[\w-]+$/);
    return page.url().split('/').pop()!;
  };

  test('create an agent by hand, edit it, restore the first version, export and import it', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    await page.getByTestId('nav-agents').click();
    await page.getByTestId('agent-draft-input').waitFor();
    await page.getByTestId('agent-new').click();
    await page.getByTestId('agent-name').fill('海盗船长');
    await page.getByTestId('agent-avatar-input').fill('🏴‍☠️');
    await page.getByTestId('agent-description').fill('说话像海盗');
    await page.getByTestId('agent-category').selectOption('lifestyle');
    await page.getByTestId('agent-persona').fill('You talk like a pirate.');
    await page.getByTestId('agent-welcome').fill('Ahoy!');
    for (const [index, text] of ['Tell me a sea story', 'What is a doubloon?', 'Sing a shanty'].entries()) {
      if (index > 0) await page.getByTestId('agent-add-suggestion').click();
      await page.getByTestId('agent-suggestion').nth(index).fill(text);
    }
    await page.getByTestId('agent-model').selectOption('openai/fixture-chat');
    await page.getByTestId('agent-param-temperature').fill('0.4');
    await page.getByTestId('agent-tool-current_time').check();
    // the list comes from GET /api/tools: no search backend here, so no web search to offer
    await expect.poll(() => page.getByTestId('agent-tool-web_search').count()).toBe(0);
    await expect(page.getByTestId('agent-tool-get_weather').getAttribute('aria-label')).resolves.toBe('天气');
    await page.getByTestId('agent-name').scrollIntoViewIfNeeded();
    await ui.shot(page, 'ui-agent-form-desktop-zh');
    await page.getByTestId('agent-save').click();
    const id = await savedId(page);
    await expect.poll(() => versions(page).count()).toBe(1);

    const stored = await (await page.request.get(`/api/agents/${id}`)).json();
    expect(stored).toMatchObject({
      name: '海盗船长',
      avatar: '🏴‍☠️',
      category: 'lifestyle',
      persona: 'You talk like a pirate.',
      suggestions: ['Tell me a sea story', 'What is a doubloon?', 'Sing a shanty'],
      model: 'openai/fixture-chat',
      params: { temperature: 0.4 },
      tools: ['current_time'],
      visibility: 'private',
    });

    await page.getByTestId('agent-name').fill('海盗船长 二代');
    await page.getByTestId('agent-save').click();
    await expect.poll(() => versions(page).count()).toBe(2);
    await page.getByTestId('agent-restore').first().click();
    await expect.poll(() => versions(page).count()).toBe(3);
    await expect.poll(() => page.getByTestId('agent-name').inputValue()).toBe('海盗船长');
    await ui.shot(page, 'ui-agent-versions-desktop-zh');

    const download = page.waitForEvent('download');
    await page.getByTestId('agent-export').click();
    const file = await (await download).path();
    await page.goto('/agents');
    await page.getByTestId('agent-import-file').setInputFiles(file);
    const imported = await savedId(page);
    expect(imported).not.toBe(id);
    await expect.poll(() => page.getByTestId('agent-name').inputValue()).toBe('海盗船长');
    await page.goto('/agents');
    await expect.poll(() => page.getByTestId('agent-card').count()).toBe(2);
    await ui.shot(page, 'ui-agents-list-desktop-zh');
  }, 120_000);

  test('one sentence becomes a draft to edit and save; an unusable draft shows a readable error', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/agents');
    const idea = '帮我做一个陪孩子练英语口语的老师';
    await page.getByTestId('agent-draft-input').fill(idea);
    await page.getByTestId('agent-draft-model').selectOption('openai/fixture-chat');
    await page.getByTestId('agent-draft').click();
    await expect(page.getByTestId('agent-draft-error').textContent()).resolves.toMatch(/usable agent draft/);

    await page.getByTestId('agent-draft-model').selectOption('openai/fixture-agent-draft');
    // held back a moment so the progress state can be seen
    await page.route('**/api/agents/draft', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.getByTestId('agent-draft').click();
    await page.getByTestId('agent-drafting').waitFor();
    await ui.shot(page, 'ui-agent-drafting-desktop-zh');
    await page.getByTestId('agent-draft-ready').waitFor();
    await expect.poll(() => page.getByTestId('agent-name').inputValue()).toBe('英语口语老师');
    await expect(page.getByTestId('agent-persona').inputValue()).resolves.toContain(idea);
    await expect(page.getByTestId('agent-suggestion').count()).resolves.toBe(3);
    await expect(page.getByTestId('agent-category').inputValue()).resolves.toBe('education');
    await page.getByTestId('agent-name').fill('Emma 老师');
    await page
      .getByTestId('agent-avatar-file')
      .setInputFiles({ name: 'emma.png', mimeType: 'image/png', buffer: onePixelPng });
    await page.locator('.avatar-field img').waitFor();
    await ui.shot(page, 'ui-agent-draft-desktop-zh');
    await page.getByTestId('agent-save').click();
    const id = await savedId(page);
    const stored = await (await page.request.get(`/api/agents/${id}`)).json();
    expect(stored).toMatchObject({ name: 'Emma 老师', category: 'education' });
    expect(stored.avatar).toMatch(/^\/api\/files\/[\w-]+\/content$/);
    await expect((await page.request.get(stored.avatar)).headers()['content-type']).toBe('image/png');
    expect(stored.suggestions).toHaveLength(3);
  }, 90_000);

  test('chat with an agent: its welcome and suggestions, its persona as system prompt, kept on reload', async () => {
    const page = await ui.signedIn('en-US');
    const persona = 'You are Captain Test, a cheerful sailor.';
    const created = await page.request.post('/api/agents', {
      data: {
        name: 'Captain Test',
        avatar: '⚓',
        description: 'A sailor',
        persona,
        welcome: 'Ahoy, sailor! Ask me about the sea.',
        suggestions: ['How deep is the sea?', 'Name a famous ship', 'What is a knot?'],
        model: 'openai/fixture-chat',
      },
    });
    const agent = await created.json();
    await page.goto('/agents');
    await page
      .locator(`[data-testid=agent-card][data-agent-id="${agent.id}"]`)
      .getByTestId('agent-card-chat')
      .click();
    const welcome = page.locator(`[data-testid=welcome][data-agent="${agent.id}"]`);
    await welcome.waitFor();
    await expect(welcome.locator('h1').textContent()).resolves.toBe('Captain Test');
    await expect(welcome.textContent()).resolves.toContain('Ahoy, sailor!');
    await expect(welcome.getByTestId('suggestion').allTextContents()).resolves.toEqual([
      'How deep is the sea?',
      'Name a famous ship',
      'What is a knot?',
    ]);
    await expect(page.getByTestId('chat-agent').textContent()).resolves.toContain('Captain Test');
    await expect(page.getByTestId('model').inputValue()).resolves.toBe('openai/fixture-chat');
    await ui.shot(page, 'ui-agent-welcome-desktop-en');

    await welcome.getByTestId('suggestion').nth(1).click();
    const answer = page.getByTestId('message-assistant').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await expect(answer.textContent()).resolves.toContain('Echo: Name a famous ship');
    const sent = ui.fixture.requests.filter(
      (r) =>
        r.path.endsWith('/chat/completions') && r.body?.messages?.at(-1)?.content === 'Name a famous ship',
    );
    // the persona comes first; the safety layer appends its own instructions to the same message
    expect(sent.at(-1)?.body.messages[0].role).toBe('system');
    expect(sent.at(-1)?.body.messages[0].content.startsWith(persona)).toBe(true);

    await expect.poll(() => page.url()).toMatch(/\/c\/[\w-]+$/);
    await page.reload();
    await page.getByTestId('message-assistant').first().waitFor();
    await expect(page.getByTestId('chat-agent').textContent()).resolves.toContain('Captain Test');
    await page.getByTestId('new-chat').click();
    await page.locator('[data-testid=welcome]:not([data-agent])').waitFor();
    await expect(page.getByTestId('chat-agent').count()).resolves.toBe(0);

    const phonePage = await ui.signedIn('zh-CN', phone);
    await phonePage.goto(`/?agent=${agent.id}`);
    await phonePage.locator(`[data-testid=welcome][data-agent="${agent.id}"]`).waitFor();
    await ui.shot(phonePage, 'ui-agent-welcome-phone-zh');
    await phonePage.goto('/agents');
    await phonePage.getByTestId('agent-card').first().waitFor();
    const overflow = await phonePage.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    await ui.shot(phonePage, 'ui-agents-list-phone-zh');
    await phonePage.goto(`/agents/${agent.id}`);
    await phonePage.getByTestId('agent-versions').waitFor();
    await expect(
      phonePage.evaluate('document.documentElement.scrollWidth > window.innerWidth'),
    ).resolves.toBe(false);
    await ui.shot(phonePage, 'ui-agent-editor-phone-zh');
  }, 120_000);
});
