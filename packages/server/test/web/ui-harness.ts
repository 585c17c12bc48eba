import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db';
import { type ServerHandle, startServer } from '../../src/server/start-server';
import { type OpenAIFixture, startOpenAIFixture } from '../fixtures/openai-fixture-server';
import { createTestDatabase } from '../helpers/test-database';
import { ensureWebBuild } from './build-web';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));
export const adminPassword = 'correct horse battery';

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** A real server on the fixture upstream, its database, and headless Chromium. */
export interface UiHarness {
  fixture: OpenAIFixture;
  database: Database;
  server: ServerHandle;
  browser: Browser;
  close(): Promise<void>;
  /** a fresh browser context (own cookies) at a locale and viewport */
  page(locale: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** a context signed in as admin (creating the admin on first use) */
  signedIn(locale: string, viewport?: { width: number; height: number }): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
}

export async function startUiHarness(): Promise<UiHarness> {
  // a browser on a busy CI machine needs more than expect.poll's default second
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
  await ensureWebBuild();
  mkdirSync(artifacts, { recursive: true });
  const fixture = await startOpenAIFixture({ tokenDelayMs: 25 });
  const dataDir = mkdtempSync(join(tmpdir(), 'qiao-ui-'));
  const database = await createTestDatabase();
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
  const server = await startServer(config, { database, log: () => {} });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      // a fake microphone that needs no permission prompt, for voice input
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  const contexts: BrowserContext[] = [];
  let adminReady = false;

  const page = async (locale: string, viewport = desktop) => {
    const context = await browser.newContext({ locale, viewport, baseURL: server.url });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    return context.newPage();
  };

  const signedIn = async (locale: string, viewport = desktop) => {
    const p = await page(locale, viewport);
    if (!adminReady) {
      const setup = await p.request.post('/api/auth/setup', {
        data: { username: 'admin', password: adminPassword },
      });
      if (!setup.ok() && setup.status() !== 409) throw new Error(`setup failed: ${setup.status()}`);
      adminReady = true;
    }
    const login = await p.request.post('/api/auth/login', {
      data: { username: 'admin', password: adminPassword },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    return p;
  };

  return {
    fixture,
    database,
    server,
    browser,
    page,
    signedIn,
    shot: async (p, name) => {
      await p.screenshot({ path: join(artifacts, `${name}.png`) });
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await database.close();
      await fixture.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A describe block whose tests share one harness, started before them and closed after. CI
 * installs Debian's chromium; a machine without it skips the block, whose name says what it is.
 * `ui` is usable inside tests (it forwards to the harness once started).
 */
export function describeUi(name: string, body: (ui: UiHarness) => void, startTimeoutMs = 240_000): void {
  describe.skipIf(!hasChromium)(name, () => {
    let started: UiHarness | undefined;
    beforeAll(async () => {
      started = await startUiHarness();
    }, startTimeoutMs);
    afterAll(async () => {
      await started?.close();
    });
    body(
      new Proxy({} as UiHarness, {
        get: (_, key) => {
          if (!started) throw new Error('the UI harness is not started yet: use it inside tests');
          return Reflect.get(started, key);
        },
      }),
    );
  });
}
