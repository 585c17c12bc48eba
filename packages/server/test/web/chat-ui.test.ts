import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db';
import { type ServerHandle, startServer } from '../../src/server/start-server';
import { type OpenAIFixture, startOpenAIFixture } from '../fixtures/openai-fixture-server';
import { createTestDatabase } from '../helpers/test-database';
import { ensureWebBuild } from './build-web';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

// CI installs Debian's chromium; a developer machine without it skips with this reason.
describe.skipIf(!existsSync(chromiumPath))('web UI in headless Chromium', () => {
  let fixture: OpenAIFixture;
  let database: Database;
  let server: ServerHandle;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    await ensureWebBuild();
    mkdirSync(artifacts, { recursive: true });
    fixture = await startOpenAIFixture({ tokenDelayMs: 25 });
    dataDir = mkdtempSync(join(tmpdir(), 'qiao-ui-'));
    database = await createTestDatabase();
    const config = loadConfig(
      {
        QIAO_DATA_DIR: dataDir,
        QIAO_SECRET: 'ui-test-secret-0123456789',
        PORT: '0',
        OPENAI_BASE_URL: fixture.url,
        OPENAI_API_KEY: 'fixture-key',
      },
      { ensureSecret: false },
    );
    server = await startServer(config, { database, log: () => {} });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    await fixture?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const newPage = async (locale: string): Promise<Page> => {
    const context = await browser.newContext({ locale, viewport: { width: 1000, height: 700 } });
    return context.newPage();
  };

  test('first admin, a streamed answer, stop, new chat and the language toggle', async () => {
    const page = await newPage('zh-CN');
    await page.goto(server.url);
    await page.getByTestId('setup-form').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('创建第一个管理员');
    await page.screenshot({ path: join(artifacts, 'ui-setup.png') });
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'correct horse battery');
    await page.getByTestId('submit').click();

    const composer = page.getByTestId('composer');
    await composer.waitFor();
    await page.getByTestId('model').selectOption('openai/fixture-chat');
    await composer.fill('你好 world');
    await page.getByTestId('send').click();
    const answer = page.getByTestId('message-assistant').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    await expect(answer.textContent()).resolves.toContain('Echo: 你好 world');
    await expect(page.getByTestId('message-user').textContent()).resolves.toContain('你好 world');
    await page.screenshot({ path: join(artifacts, 'ui-chat-zh.png') });

    // a long answer, stopped while it streams: the partial text stays, marked as stopped
    await page.getByTestId('model').selectOption('openai/fixture-long-1024');
    await composer.fill('long one');
    await page.getByTestId('send').click();
    const long = page.getByTestId('message-assistant').last();
    await expect.poll(() => long.textContent(), { timeout: 15_000 }).toContain('t3');
    await page.getByTestId('stop').click();
    await expect.poll(() => long.getAttribute('data-status'), { timeout: 15_000 }).toBe('stopped');
    await expect(long.textContent()).resolves.not.toContain('t1024');
    await page.getByTestId('send').waitFor();

    await page.getByTestId('language').click();
    await expect(page.getByTestId('new-chat').textContent()).resolves.toBe('New chat');
    await page.screenshot({ path: join(artifacts, 'ui-chat-en.png') });
    await page.getByTestId('new-chat').click();
    await expect(page.getByTestId('message-assistant').count()).resolves.toBe(0);
  }, 90_000);

  test('an English browser gets the English sign-in form', async () => {
    const page = await newPage('en-US');
    await page.goto(server.url);
    await page.getByTestId('login-form').waitFor();
    await expect(page.getByTestId('submit').textContent()).resolves.toBe('Sign in');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong password');
    await page.getByTestId('submit').click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid username or password');
    await page.fill('input[name=password]', 'correct horse battery');
    await page.getByTestId('submit').click();
    await page.getByTestId('composer').waitFor();
    await page.screenshot({ path: join(artifacts, 'ui-signed-in-en.png') });
  }, 60_000);
});
