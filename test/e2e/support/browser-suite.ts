import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startPraxisServer, type PraxisServer } from './praxis-server.ts';

export const screenshotDir = process.env.PRAXIS_SCREENSHOT_DIR ?? path.join(tmpdir(), 'praxis-shots');

export interface BrowserSuite {
  /** A page in a fresh browser context (its own cookies) at the given viewport, in the browser language `locale` if given. */
  openPage: (viewport: { width: number; height: number }, options?: { locale?: string }) => Promise<Page>;
  server: () => PraxisServer;
}

/**
 * Registers the hooks of a browser test file: one private demo server and one Chromium for the file, a fresh
 * context per page, and a failure for any uncaught error the app throws during a test. `serverEnv` adds
 * settings to the server's environment; it is read when the server starts, after earlier `beforeAll` hooks.
 */
export function useBrowserSuite(serverEnv: () => Record<string, string> = () => ({})): BrowserSuite {
  let server: PraxisServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startPraxisServer(serverEnv());
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterEach(() => {
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const started = (): { server: PraxisServer; browser: Browser } => {
    if (!server || !browser) throw new Error('the browser suite has not started');
    return { server, browser };
  };

  return {
    server: () => started().server,
    openPage: async (viewport, options = {}) => {
      const running = started();
      const context = await running.browser.newContext({
        baseURL: running.server.baseUrl,
        viewport,
        ...(options.locale ? { locale: options.locale } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
  };
}
