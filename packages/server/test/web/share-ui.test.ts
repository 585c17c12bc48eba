import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeUi, phone } from './ui-harness';

describeUi('share, read aloud, history and settings in headless Chromium', (ui) => {
  const ask = async (page: Page, text: string) => {
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('send').click();
    const answer = page.getByTestId('message-assistant').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    return answer;
  };

  test('share an answer, open the link signed out, then revoke it in the settings', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    const answer = await ask(page, '分享这个回答 **加粗**');
    await answer.getByTestId('share').click();
    const link = await page.getByTestId('toast-link').textContent();
    expect(link).toMatch(/\/share\/[\w-]+$/);

    for (const [locale, viewport, name] of [
      ['zh-CN', undefined, 'ui-share-desktop-zh'],
      ['en-US', undefined, 'ui-share-desktop-en'],
      ['zh-CN', phone, 'ui-share-phone-zh'],
    ] as const) {
      const visitor = await ui.page(locale, viewport);
      await visitor.goto(link!);
      await visitor.getByTestId('message-assistant').waitFor();
      await expect(visitor.getByTestId('ai-generated').textContent()).resolves.toBe(
        locale === 'zh-CN' ? '由人工智能生成' : 'AI-generated',
      );
      await expect(visitor.getByTestId('message-user').textContent()).resolves.toContain('分享这个回答');
      await visitor.getByTestId('message-assistant').locator('strong').waitFor();
      await expect(visitor.getByTestId('composer').count()).resolves.toBe(0);
      await ui.shot(visitor, name);
    }

    await page.goto('/settings/shares');
    await page.getByTestId('share-row').first().waitFor();
    await ui.shot(page, 'ui-settings-shares-desktop-zh');
    await page.getByTestId('revoke-share').first().click();
    await expect.poll(() => page.getByTestId('share-row').count()).toBe(0);
    const visitor = await ui.page('en-US');
    await visitor.goto(link!);
    await visitor.getByRole('alert').waitFor();
  }, 120_000);

  test('read aloud fetches audio and plays it in the page; a second click stops it', async () => {
    const page = await ui.signedIn('en-US');
    await page.goto('/');
    const answer = await ask(page, 'read this to me');
    // the server's answer: audio from the configured provider (the fixture's bytes)
    const speech = page.waitForResponse((response) => response.url().endsWith('/api/speech'));
    await answer.getByTestId('read-aloud').click();
    const response = await speech;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^audio\//);
    const direct = await page.request.post('/api/speech', { data: { text: 'hello', lang: 'en' } });
    expect(direct.headers()['content-type']).toMatch(/^audio\//);
    expect((await direct.body()).length).toBeGreaterThan(0);
    // the fixture's bytes are not decodable audio, so the button falls back to idle
    await expect.poll(() => answer.getByTestId('read-aloud').getAttribute('aria-pressed')).toBe('false');

    // with real audio it plays in the page until the second click
    await page.route('**/api/speech', (route) =>
      route.fulfill({ status: 200, contentType: 'audio/wav', body: silentWav(3) }),
    );
    await answer.getByTestId('read-aloud').click();
    await expect.poll(() => answer.getByTestId('read-aloud').getAttribute('aria-pressed')).toBe('true');
    await answer.getByTestId('read-aloud').click();
    await expect.poll(() => answer.getByTestId('read-aloud').getAttribute('aria-pressed')).toBe('false');
  }, 90_000);

  test('search history over titles and messages, topics, pin', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/');
    await ask(page, '长城有多长');
    await page.getByTestId('new-chat').click();
    await ask(page, 'the weather in Hangzhou');

    await page.getByTestId('history-search').fill('Echo: 长城');
    // the search is debounced: wait for the list to narrow to the one match (found in a message)
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(1);
    await expect(page.getByTestId('history-item').textContent()).resolves.toContain('长城');
    await ui.shot(page, 'ui-search-desktop-zh');
    await page.getByTestId('history-search').fill('');
    await expect.poll(() => page.getByTestId('history-item').count()).toBeGreaterThanOrEqual(2);

    // pin the older chat: it moves to the top under "Pinned"
    const older = page.getByTestId('history-item').filter({ hasText: '长城' });
    await older.hover();
    await older.getByTestId('history-more').click();
    await page.getByRole('menuitem', { name: '置顶' }).click();
    await page.locator('[data-group="pinned"]').getByText('长城', { exact: false }).waitFor();

    // a topic, and the chat moved into it
    await page.getByTestId('new-topic').click();
    await page.getByTestId('topic-name').fill('旅行');
    await page.getByTestId('topic-name').press('Enter');
    await page.getByTestId('topic').filter({ hasText: '旅行' }).waitFor();
    const weather = page.getByTestId('history-item').filter({ hasText: 'Hangzhou' });
    await weather.hover();
    await weather.getByTestId('history-more').click();
    const topicId = await page
      .getByTestId('move-to-topic')
      .locator('option', { hasText: '旅行' })
      .getAttribute('value');
    await page.getByTestId('move-to-topic').selectOption(topicId!);
    await page.getByTestId('topic').filter({ hasText: '旅行' }).locator('.topic-link').click();
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(1);
    await expect(page.getByTestId('history-item').textContent()).resolves.toContain('Hangzhou');
    await ui.shot(page, 'ui-topics-desktop-zh');
  }, 120_000);

  test('settings pages in both languages and on a phone', async () => {
    const page = await ui.signedIn('zh-CN');
    await page.goto('/settings');
    await page.getByTestId('general-settings').waitFor();
    await ui.shot(page, 'ui-settings-desktop-zh');
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(() => page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await page.goto('/');
    await page.getByTestId('welcome').waitFor();
    await ui.shot(page, 'ui-welcome-dark-desktop-zh');
    await page.goto('/settings');
    await page.getByTestId('theme-select').selectOption('light');

    await page.getByRole('link', { name: '模型提供方' }).click();
    await page.getByTestId('provider-row').first().waitFor();
    await ui.shot(page, 'ui-settings-providers-desktop-zh');

    await page.getByRole('link', { name: 'API 密钥' }).click();
    await page.getByLabel('密钥名称').fill('my laptop');
    await page.getByTestId('create-key').click();
    await expect(page.getByTestId('new-key').textContent()).resolves.toContain('sk-qiao-');

    const en = await ui.signedIn('en-US', phone);
    await en.goto('/settings');
    await en.getByTestId('general-settings').waitFor();
    await ui.shot(en, 'ui-settings-phone-en');
    const wide = await ui.signedIn('en-US');
    await wide.goto('/settings/keys');
    await wide.getByTestId('keys-settings').waitFor();
    await ui.shot(wide, 'ui-settings-keys-desktop-en');
  }, 120_000);
});

/** A mono 8 kHz 16-bit WAV of silence. */
function silentWav(seconds: number): Buffer {
  const samples = 8000 * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}
