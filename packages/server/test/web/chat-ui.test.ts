import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { adminPassword, describeUi, phone } from './ui-harness';

describeUi('chat UI in headless Chromium', (ui) => {
  const lastAnswer = (page: Page) => page.getByTestId('message-assistant').last();
  const waitDone = (page: Page) =>
    expect.poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');

  test('first admin, welcome with suggestions, a suggestion streams an answer', async () => {
    const page = await ui.page('zh-CN');
    await page.goto('/');
    await page.getByTestId('setup-form').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('创建第一个管理员');
    await ui.shot(page, 'ui-setup-zh');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', adminPassword);
    await page.getByTestId('submit').click();

    await page.getByTestId('welcome').waitFor();
    const suggestions = page.getByTestId('suggestion');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(3);
    expect(await suggestions.count()).toBeLessThanOrEqual(5);
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await ui.shot(page, 'ui-welcome-desktop-zh');

    const question = (await suggestions.first().textContent())!;
    await suggestions.first().click();
    await expect.poll(() => lastAnswer(page).textContent(), { timeout: 15_000 }).toContain('Echo');
    await waitDone(page);
    await expect(lastAnswer(page).textContent()).resolves.toContain(`Echo: ${question}`);
    await expect.poll(() => page.url()).toMatch(/\/c\/[\w-]+$/);
    await expect(page.getByTestId('history-item').count()).resolves.toBeGreaterThan(0);
  }, 120_000);

  test('a real-time question shows the tool call and its result, folded into one answer after a reload', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-assistant');
    await page.getByTestId('composer').fill('今天几号？');
    await page.getByTestId('send').click();
    await waitDone(page);
    const check = async () => {
      await expect(page.getByTestId('message-assistant').count()).resolves.toBe(1);
      const call = lastAnswer(page).getByTestId('tool-call');
      await expect(call.textContent()).resolves.toContain('current_time');
      await call.locator('summary').click();
      await expect(lastAnswer(page).getByTestId('tool-result').textContent()).resolves.toMatch(
        /\d{4}-\d{2}-\d{2}/,
      );
    };
    await check();
    await ui.shot(page, 'ui-tool-call-desktop-zh');
    await page.reload();
    await waitDone(page);
    await check();
  }, 120_000);

  test('markdown renders while no script from a model ever runs', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    const hostile = [
      '**bold** and `code`',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```js',
      'const x = 1;',
      '```',
      '',
      '$$E = mc^2$$',
      '',
      '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">',
      '[click](javascript:window.__xss=3)',
    ].join('\n');
    await page.getByTestId('composer').fill(hostile);
    await page.getByTestId('send').click();
    await waitDone(page);
    const answer = lastAnswer(page);
    await answer.locator('strong').first().waitFor();
    await answer.locator('table td').first().waitFor();
    await answer.locator('.katex').first().waitFor();
    await answer.locator('.code-block button').first().waitFor();
    await expect(answer.locator('script').count()).resolves.toBe(0);
    await expect(answer.locator('img[onerror]').count()).resolves.toBe(0);
    await answer
      .locator('a', { hasText: 'click' })
      .click()
      .catch(() => undefined);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
    await ui.shot(page, 'ui-markdown-desktop-en');
  }, 90_000);

  test('stop mid-stream (button and Esc), regenerate, versions, edit and resend', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    const composer = page.getByTestId('composer');
    await page.getByTestId('model').selectOption('openai/fixture-long-1024');
    await composer.fill('long one');
    await composer.press('Enter');
    await expect.poll(() => lastAnswer(page).textContent(), { timeout: 15_000 }).toContain('t3');
    await page.getByTestId('stop').click();
    await expect
      .poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 15_000 })
      .toBe('stopped');
    await expect(lastAnswer(page).textContent()).resolves.not.toContain('t1024');
    await page.getByTestId('send').waitFor();

    // Esc stops too
    await composer.fill('long two');
    await composer.press('Enter');
    await expect.poll(() => lastAnswer(page).textContent(), { timeout: 15_000 }).toContain('t3');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 15_000 })
      .toBe('stopped');

    // regenerate the last answer with a short model: 2 versions, browsable
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await lastAnswer(page).getByTestId('regenerate').click();
    await waitDone(page);
    await expect(lastAnswer(page).textContent()).resolves.toContain('Echo: long two');
    await expect(lastAnswer(page).getByTestId('version-label').textContent()).resolves.toBe('2/2');
    await lastAnswer(page).getByTestId('version-prev').click();
    await expect(lastAnswer(page).getByTestId('version-label').textContent()).resolves.toBe('1/2');
    await expect(lastAnswer(page).textContent()).resolves.toContain('t3');
    await lastAnswer(page).getByTestId('version-next').click();
    await expect(lastAnswer(page).getByTestId('version-label').textContent()).resolves.toBe('2/2');

    // the versions survive a reload
    await page.reload();
    await expect
      .poll(() => lastAnswer(page).getByTestId('version-label').textContent(), { timeout: 15_000 })
      .toBe('2/2');

    // edit the last question and resend: its answers are replaced
    const lastUser = page.getByTestId('message-user').last();
    await lastUser.hover();
    await lastUser.getByTestId('edit').click();
    await page.getByTestId('edit-input').fill('edited question');
    await page.getByTestId('edit-save').click();
    await waitDone(page);
    await expect(lastAnswer(page).textContent()).resolves.toContain('Echo: edited question');
    await expect(lastAnswer(page).getByTestId('versions').count()).resolves.toBe(0);
    await ui.shot(page, 'ui-chat-desktop-zh');
  }, 120_000);

  test('like and dislike with a reason are stored', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('composer').fill('rate me');
    await page.getByTestId('send').click();
    await waitDone(page);
    const answer = lastAnswer(page);
    await answer.getByTestId('like').click();
    await expect.poll(() => answer.getByTestId('like').getAttribute('aria-pressed')).toBe('true');

    await answer.getByTestId('dislike').click();
    await page.getByTestId('reason-inaccurate').click();
    await page.getByTestId('dislike-comment').fill('wrong year');
    await page.getByTestId('dislike-submit').click();
    await expect.poll(() => answer.getByTestId('dislike').getAttribute('aria-pressed')).toBe('true');
    await expect(answer.getByTestId('like').getAttribute('aria-pressed')).resolves.toBe('false');

    const id = page.url().split('/c/')[1]!;
    await expect
      .poll(async () => {
        const reply = await page.request.get(`/api/conversations/${id}/messages`);
        const { messages } = (await reply.json()) as { messages: any[] };
        return messages.find((m) => m.role === 'assistant')?.feedback;
      })
      .toEqual({ rating: 'dislike', reason: 'inaccurate', comment: 'wrong year' });
  }, 90_000);

  test('language switch, new-chat shortcut, and the phone layout with its drawer', async () => {
    const page = await ui.signedIn('zh-CN', phone);
    await page.goto('/');
    await page.getByTestId('welcome').waitFor();
    // the sidebar is a closed drawer on a phone
    await expect(page.getByTestId('new-chat').isVisible()).resolves.toBe(false);
    await ui.shot(page, 'ui-welcome-phone-zh');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('composer').fill('手机上的问题');
    await page.getByTestId('send').click();
    await waitDone(page);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await ui.shot(page, 'ui-chat-phone-zh');

    await page.getByTestId('open-sidebar').click();
    await page.getByTestId('new-chat').waitFor({ state: 'visible' });
    await page.waitForTimeout(400); // the drawer slides in
    await ui.shot(page, 'ui-drawer-phone-zh');
    await page.getByTestId('new-chat').click();
    await page.getByTestId('welcome').waitFor();

    await page.getByTestId('language').click();
    await expect(page.getByTestId('language').textContent()).resolves.toBe('中文');
    await expect(page.getByTestId('composer').getAttribute('placeholder')).resolves.toContain('Enter');
    await ui.shot(page, 'ui-welcome-phone-en');
    await page.getByTestId('language').click();

    const wide = await ui.signedIn('en-US');
    await wide.goto('/');
    await wide.getByTestId('model').selectOption('openai/fixture-chat');
    await wide.getByTestId('composer').fill('hello');
    await wide.getByTestId('send').click();
    await waitDone(wide);
    await ui.shot(wide, 'ui-chat-desktop-en');
    await wide.keyboard.press('Control+Shift+O');
    await wide.getByTestId('welcome').waitFor();
    await ui.shot(wide, 'ui-welcome-desktop-en');
    await wide.keyboard.press('Shift+Escape');
    await expect(wide.evaluate('document.activeElement?.id')).resolves.toBe('composer-input');
  }, 120_000);

  test('attach a document: a chip per file, removable, its text reaches the model', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('attach').waitFor();
    await page.getByTestId('file-input').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('The secret word is pomegranate.') },
      { name: 'drop-me.txt', mimeType: 'text/plain', buffer: Buffer.from('unused') },
    ]);
    await expect.poll(() => page.getByTestId('file-chip').count()).toBe(2);
    await page.getByTestId('file-chip').filter({ hasText: 'drop-me.txt' }).getByRole('button').click();
    await expect.poll(() => page.getByTestId('file-chip').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('file-chip').first().getAttribute('class'))
      .not.toContain('busy');
    await ui.shot(page, 'ui-attachment-desktop-en');
    await page.getByTestId('composer').fill('what is the secret word?');
    await page.getByTestId('send').click();
    await waitDone(page);
    await expect(page.getByTestId('message-user').last().textContent()).resolves.toContain('notes.txt');
    const upstream = ui.fixture.requests.map((request) => JSON.stringify(request.body ?? {}));
    expect(upstream.some((body) => body.includes('pomegranate'))).toBe(true);
    expect(upstream.some((body) => body.includes('unused'))).toBe(false);
  }, 90_000);

  test('voice input records the (fake) microphone and puts the transcript in the composer', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    const voice = page.getByTestId('voice');
    await voice.click();
    await expect.poll(() => voice.getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(1200);
    const transcription = page.waitForResponse((response) => response.url().endsWith('/api/transcriptions'));
    await voice.click();
    expect((await transcription).status()).toBe(200);
    await expect.poll(() => page.getByTestId('composer').inputValue()).not.toBe('');
  }, 60_000);

  test('an English browser gets the English sign-in form; sign-out returns to it', async () => {
    const page = await ui.page('en-US');
    await page.goto('/');
    await page.getByTestId('login-form').waitFor();
    await expect(page.getByTestId('submit').textContent()).resolves.toBe('Sign in');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong password');
    await page.getByTestId('submit').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid username or password');
    await ui.shot(page, 'ui-login-desktop-en');
    await page.fill('input[name=password]', adminPassword);
    await page.getByTestId('submit').click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor();
  }, 60_000);
});
