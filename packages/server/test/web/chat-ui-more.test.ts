import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { conversations, messages } from '../../src/db/schema';
import { describeUi, phone } from './ui-harness';

/** The points of the web UI that chat-ui.test.ts and share-ui.test.ts do not drive. */
describeUi('more of the chat UI in headless Chromium', (ui) => {
  const lastAnswer = (page: Page) => page.getByTestId('message-assistant').last();
  const waitDone = (page: Page) =>
    expect.poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
  const ask = async (page: Page, text: string, model?: string) => {
    if (model) await page.getByTestId('model').selectOption(model);
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('send').click();
    await waitDone(page);
  };
  const pickerOptions = (page: Page) =>
    page.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="model"] option')].map((option) => option.value)`,
    );

  test('settings → providers: test the connection; a model switched off leaves the picker, /api/models and /v1/models', async () => {
    const page = await ui.signedIn('en-US');
    const created = await page.request.post('/api/keys', { data: { name: 'models check' } });
    const { key } = (await created.json()) as { key: string };
    const v1Ids = async () => {
      const reply = await page.request.get('/v1/models', { headers: { authorization: `Bearer ${key}` } });
      return ((await reply.json()) as { data: { id: string }[] }).data.map((m) => m.id);
    };
    try {
      await page.goto('/settings/providers');
      const row = page.getByTestId('provider-row').filter({ hasText: ui.fixture.url });
      await row.getByTestId('provider-test').click();
      await expect
        .poll(() => row.getByTestId('provider-check').textContent(), { timeout: 20_000 })
        .toMatch(/Connection works \(\d+ models, \d+ ms\)/);

      await row.getByTestId('provider-models-button').click();
      const toggle = row.locator('[data-testid="provider-model-toggle"][data-model="fixture-slow"]');
      await expect(toggle.isChecked()).resolves.toBe(true);
      await expect(row.getByTestId('provider-model-toggle').count()).resolves.toBeGreaterThan(10);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/providers/openai/models') && r.request().method() === 'PUT',
      );
      await toggle.uncheck();
      expect((await saved).status()).toBe(204);
      await ui.shot(page, 'ui-settings-provider-models-desktop-en');

      const models = (await (await page.request.get('/api/models')).json()) as { models: { id: string }[] };
      expect(models.models.map((m) => m.id)).not.toContain('openai/fixture-slow');
      expect(models.models.map((m) => m.id)).toContain('openai/fixture-chat');
      expect((await v1Ids()).some((id) => id.endsWith('fixture-slow'))).toBe(false);
      await page.goto('/');
      await expect.poll(() => pickerOptions(page)).toContain('openai/fixture-chat');
      expect(await pickerOptions(page)).not.toContain('openai/fixture-slow');

      // and back on: the list reopens with it off, one click serves it again
      await page.goto('/settings/providers');
      await row.getByTestId('provider-models-button').click();
      await expect.poll(() => toggle.isChecked()).toBe(false);
      await toggle.check();
      await expect
        .poll(async () =>
          ((await (await page.request.get('/api/models')).json()) as { models: { id: string }[] }).models.map(
            (m) => m.id,
          ),
        )
        .toContain('openai/fixture-slow');
      expect((await v1Ids()).some((id) => id.endsWith('fixture-slow'))).toBe(true);
    } finally {
      await page.request.put('/api/providers/openai/models', { data: { enabled: null } });
    }
  }, 120_000);

  test('settings → providers: add an OpenAI-compatible base URL with a key, use its models, delete it', async () => {
    const page = await ui.signedIn('zh-CN');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/settings/providers');
    await page.getByLabel('标识（小写字母、数字、短横线）').fill('lab');
    await page.getByLabel('Base URL').fill(ui.fixture.url);
    await page.getByLabel('API Key', { exact: true }).fill('fixture-key');
    await page.getByRole('button', { name: '添加提供方' }).click();
    const row = page
      .getByTestId('provider-row')
      .filter({ has: page.locator('strong', { hasText: /^lab$/ }) });
    await row.waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('fixture-key');
    await row.getByTestId('provider-test').click();
    await expect
      .poll(() => row.getByTestId('provider-check').textContent(), { timeout: 20_000 })
      .toContain('连接正常');
    await page.goto('/');
    await expect.poll(() => pickerOptions(page)).toContain('lab/fixture-chat');
    await page.goto('/settings/providers');
    await row.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const models = (await (await page.request.get('/api/models')).json()) as { models: { id: string }[] };
    expect(models.models.map((m) => m.id)).not.toContain('lab/fixture-chat');
  }, 90_000);

  test('a pasted image becomes an attachment chip and is sent to a vision model (marked in the picker)', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await page.getByTestId('attach').waitFor();
    const vision = page.getByTestId('model').locator('option[value="openai/gpt-4o-mini"]');
    await expect(vision.textContent()).resolves.toContain('vision');
    await expect(vision.getAttribute('data-vision')).resolves.toBe('true');
    await page.getByTestId('model').selectOption('openai/gpt-4o-mini');

    // what Chromium dispatches when an image is pasted from the clipboard
    await page.evaluate(`(() => {
      const area = document.querySelector('[data-testid="composer"]');
      const bytes = Uint8Array.from(atob('${tinyPng}'), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.getByTestId('file-chip').count()).toBe(1);
    await expect.poll(() => page.getByTestId('file-chip').getAttribute('class')).not.toContain('busy');
    await expect(page.getByTestId('file-chip').textContent()).resolves.toContain('pasted.png');
    await ui.shot(page, 'ui-pasted-image-desktop-en');

    const before = ui.fixture.requests.length;
    await ask(page, 'what is in this picture?');
    const sent = ui.fixture.requests.slice(before).map((r) => JSON.stringify(r.body ?? {}));
    expect(sent.some((body) => body.includes('image_url') && body.includes('data:image/png;base64'))).toBe(
      true,
    );
  }, 90_000);

  test('a new chat uses the default model from settings; a chat reopened from history gets its model back', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/settings');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/settings') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('default-model').selectOption('openai/fixture-reasoning');
    await saved;
    try {
      await page.goto('/');
      await expect.poll(() => page.getByTestId('model').inputValue()).toBe('openai/fixture-reasoning');
      await ask(page, 'think before you answer');
      // the reasoning model's "thinking" shows as its own block
      await expect(lastAnswer(page).getByTestId('reasoning').textContent()).resolves.toContain(
        'Thinking about it.',
      );
      const reasoningChat = page.url();

      await page.getByTestId('new-chat').click();
      await page.getByTestId('welcome').waitFor();
      await ask(page, 'plain echo please', 'openai/fixture-chat');
      const echoChat = page.url();

      await page.getByTestId('history-item').filter({ hasText: 'think before' }).locator('a').click();
      await expect.poll(() => page.url()).toBe(reasoningChat);
      await expect.poll(() => page.getByTestId('model').inputValue()).toBe('openai/fixture-reasoning');
      await page.getByTestId('history-item').filter({ hasText: 'plain echo' }).locator('a').click();
      await expect.poll(() => page.url()).toBe(echoChat);
      await expect.poll(() => page.getByTestId('model').inputValue()).toBe('openai/fixture-chat');
      // a full load of the address too
      await page.reload();
      await expect.poll(() => page.getByTestId('model').inputValue()).toBe('openai/fixture-chat');

      await page.keyboard.press('Control+Shift+O');
      await page.getByTestId('welcome').waitFor();
      await expect.poll(() => page.getByTestId('model').inputValue()).toBe('openai/fixture-reasoning');
    } finally {
      await page.request.patch('/api/me/settings', { data: { defaultModel: null } });
    }
  }, 120_000);

  test('the title is written from the first exchange; copy puts the answer on the clipboard', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await ask(page, 'name this chat', 'openai/fixture-titles');
    await expect.poll(() => page.getByTestId('chat-title').textContent()).toContain('Fixture title');
    await expect
      .poll(() => page.getByTestId('history-item').filter({ hasText: 'Fixture title' }).count())
      .toBe(1);
    await lastAnswer(page).getByTestId('copy').click();
    await expect
      .poll(() => page.evaluate('navigator.clipboard.readText()'))
      .toContain('Echo: name this chat');

    // a code block (the echo's prefix stays on the first line): highlighted, with its own copy
    await ask(page, ['code please', '```js', 'const answer = 42;', '```'].join('\n'), 'openai/fixture-chat');
    const code = lastAnswer(page).locator('.code-block');
    await code.locator('[class*="hljs-"]').first().waitFor();
    await code.getByRole('button').click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('const answer = 42;\n');
  }, 90_000);

  test('IME: the Enter that confirms a candidate does not send; Shift+Enter adds a line; Enter sends', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    const composer = page.getByTestId('composer');
    await composer.fill('ni hao');
    for (const init of [{ isComposing: true }, { keyCode: 229 }]) {
      await page.evaluate(`(() => {
        const area = document.querySelector('[data-testid="composer"]');
        const init = { key: 'Enter', bubbles: true, cancelable: true, ...${JSON.stringify(init)} };
        area.dispatchEvent(new KeyboardEvent('keydown', init));
      })()`);
    }
    await composer.press('Shift+Enter');
    await composer.pressSequentially('你好');
    await page.waitForTimeout(300);
    await expect(page.getByTestId('message-user').count()).resolves.toBe(0);
    await expect(composer.inputValue()).resolves.toBe('ni hao\n你好');
    await composer.press('Enter');
    await waitDone(page);
    await expect(page.getByTestId('message-user').textContent()).resolves.toContain('ni hao');
    await expect(lastAnswer(page).textContent()).resolves.toContain('你好');
  }, 60_000);

  test('the voice button shows only when a transcription provider is configured', async () => {
    const page = await ui.signedIn('en-US');
    const real = (await (await page.request.get('/api/capabilities')).json()) as Record<string, unknown>;
    expect(real.transcription).toBe(true);
    await page.goto('/');
    await page.getByTestId('voice').waitFor();
    await expect(page.getByTestId('voice').getAttribute('aria-label')).resolves.toBeTruthy();

    await page.route('**/api/capabilities', (route) =>
      route.fulfill({ json: { ...real, transcription: false } }),
    );
    await page.reload();
    await page.getByTestId('attach').waitFor();
    await expect(page.getByTestId('voice').count()).resolves.toBe(0);
  }, 60_000);

  test('history: grouped by time; rename and delete a chat; rename and delete a topic', async () => {
    const page = await ui.signedIn('en-US');
    page.on('dialog', (dialog) => void dialog.accept());
    const day = 86_400_000;
    const ages = { today: 0, yesterday: day, previous7Days: 3 * day, older: 30 * day } as const;
    for (const [group, age] of Object.entries(ages)) {
      const reply = await page.request.post('/api/conversations', { data: { model: 'openai/fixture-chat' } });
      const { id } = (await reply.json()) as { id: string };
      await ui.database.db
        .update(conversations)
        .set({ title: `Dated ${group}`, updatedAt: new Date(Date.now() - age) })
        .where(eq(conversations.id, id));
    }
    await page.goto('/');
    for (const group of Object.keys(ages))
      await page.locator(`[data-group="${group}"]`).getByText(`Dated ${group}`).waitFor();
    await ui.shot(page, 'ui-history-groups-desktop-en');

    const item = (title: string) => page.getByTestId('history-item').filter({ hasText: title });
    await item('Dated today').hover();
    await item('Dated today').getByTestId('history-more').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByTestId('rename-input').fill('Renamed chat');
    await page.getByTestId('rename-input').press('Enter');
    await item('Renamed chat').waitFor();

    await item('Dated older').hover();
    await item('Dated older').getByTestId('history-more').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect.poll(() => item('Dated older').count()).toBe(0);
    const listed = (await (await page.request.get('/api/conversations?q=Dated')).json()) as {
      conversations: { title: string }[];
    };
    expect(listed.conversations.map((c) => c.title)).not.toContain('Dated older');

    await page.getByTestId('new-topic').click();
    await page.getByTestId('topic-name').fill('Work');
    await page.getByTestId('topic-name').press('Enter');
    await page.getByTestId('topic').filter({ hasText: 'Work' }).waitFor();
    await page.getByRole('button', { name: 'Rename Work' }).click();
    await page.getByTestId('topic-name').fill('Office');
    await page.getByTestId('topic-name').press('Enter');
    await page.getByTestId('topic').filter({ hasText: 'Office' }).waitFor();
    await page.getByRole('button', { name: 'Delete Office' }).click();
    await expect.poll(() => page.getByTestId('topic').count()).toBe(0);
  }, 90_000);

  test('an answer cut off by a crash shows what was kept, a label, and regenerates (zh-CN)', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    await ask(page, '讲一个长一点的故事');
    // what interrupted-answers.ts leaves after a kill -9: the text saved so far, marked interrupted
    const [row] = await ui.database.db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.role, 'assistant'))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    await ui.database.db
      .update(messages)
      .set({ status: 'interrupted', content: '从前有一座山，山里有' })
      .where(eq(messages.id, row!.id));
    await page.reload();
    await expect.poll(() => lastAnswer(page).getAttribute('data-status')).toBe('interrupted');
    await expect(lastAnswer(page).textContent()).resolves.toContain('从前有一座山，山里有');
    await expect(lastAnswer(page).getByTestId('interrupted').textContent()).resolves.toContain('已中断');
    await ui.shot(page, 'ui-interrupted-answer-desktop-zh');
    await lastAnswer(page).getByTestId('regenerate').click();
    await waitDone(page);
    await expect(lastAnswer(page).getByTestId('interrupted').count()).resolves.toBe(0);
  });

  test('API keys: a new key is shown once, works on /v1, and stops working once revoked', async () => {
    const page = await ui.signedIn('en-US');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/settings/keys');
    await page.getByLabel('Key name').fill('ci laptop');
    await page.getByTestId('create-key').click();
    const key = (await page.getByTestId('new-key').locator('code').textContent())!;
    expect(key).toMatch(/^sk-qiao-/);
    const v1 = () => page.request.get('/v1/models', { headers: { authorization: `Bearer ${key}` } });
    expect((await v1()).status()).toBe(200);

    await page.reload();
    const row = page.getByTestId('key-row').filter({ hasText: 'ci laptop' });
    await row.waitFor();
    await expect(page.getByTestId('new-key').count()).resolves.toBe(0);
    await expect(page.locator('body').textContent()).resolves.not.toContain(key);
    await row.getByTestId('revoke-key').click();
    await expect.poll(() => row.count()).toBe(0);
    expect((await v1()).status()).toBe(401);
  }, 60_000);

  test('every control has an accessible name, on desktop and in the phone drawer', async () => {
    // the accessible name as a screen reader computes it, roughly: label, content, title
    const unnamed = (page: Page) =>
      page.evaluate<string[]>(`[...document.querySelectorAll('button, a[href], input, select, textarea')]
        .filter((el) => el.getClientRects().length > 0 && el.type !== 'hidden')
        .filter((el) => {
          const labelled = el.getAttribute('aria-labelledby');
          const name =
            el.getAttribute('aria-label') ||
            (labelled && document.getElementById(labelled)?.textContent) ||
            (el.labels?.[0]?.textContent ?? '') ||
            el.textContent ||
            el.getAttribute('title') ||
            el.getAttribute('placeholder') ||
            '';
          return name.trim() === '';
        })
        .map((el) => el.outerHTML.slice(0, 120))`);
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await ask(page, 'label check', 'openai/fixture-chat');
    expect(await unnamed(page)).toEqual([]);
    for (const path of ['/settings', '/settings/providers', '/settings/keys', '/settings/shares']) {
      await page.goto(path);
      await page.locator('.settings-section').first().waitFor();
      expect(await unnamed(page), path).toEqual([]);
    }
    const small = await ui.signedIn('zh-CN', phone);
    await small.goto('/');
    await small.getByTestId('open-sidebar').click();
    await small.getByTestId('new-chat').waitFor({ state: 'visible' });
    expect(await unnamed(small)).toEqual([]);
  }, 90_000);

  test('a streamed token re-renders only the streaming row, not the earlier ones', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await ask(page, 'first question', 'openai/fixture-chat');
    await page.getByTestId('model').selectOption('openai/fixture-long-256');
    await page.evaluate(`(() => {
      const first = document.querySelector('[data-testid="message-assistant"] .markdown');
      const state = { mutations: [], first };
      window.__rows = state;
      new MutationObserver((records) => {
        for (const r of records)
          state.mutations.push(r.type + ' ' + r.target.nodeName + ' +' + [...r.addedNodes].map((n) => n.nodeName).join(','));
      }).observe(first, { subtree: true, childList: true, characterData: true });
    })()`);
    await ask(page, 'a long one');
    await expect(lastAnswer(page).textContent()).resolves.toContain('t256');
    // the earlier answer's text never changed while 256 tokens streamed below it
    await expect(page.evaluate('window.__rows.mutations')).resolves.toEqual([]);
    await expect(page.evaluate('window.__rows.first.isConnected')).resolves.toBe(true);
  }, 90_000);
});

/** A 1×1 PNG. */
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
