import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 800 };

interface Stored {
  settings: { includeCoaching: boolean };
  version: number;
}

/** A JSON request from inside the page, with the session's cookie and CSRF token. */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, url, body },
  );
}

/** The page fits a phone (nothing wider than the viewport) and axe finds no serious or critical violation. */
async function expectPhoneReady(page: Page, shot: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, `research-settings-${shot}.png`), fullPage: true });
}

describe('the research settings page in Chromium at 375 px', () => {
  test(
    'an administrator includes coaching in the research export; a stale save keeps the choice and every change is in the history',
    { timeout: 240_000 },
    async () => {
      const page = await suite.openPage(phone);
      await signIn(page, 'admin@demo.praxis.test');
      const organization = await firstOrganization(page);
      const url = `/api/orgs/${organization.id}/research-settings`;
      expect((await api<Stored>(page, 'GET', url)).body).toEqual({ settings: { includeCoaching: false }, version: 0 });

      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Research settings', exact: true })
        .click();
      await mainHeading(page, 'Research settings').waitFor();
      // It says what researchers then see, and what never leaves.
      await page
        .getByText(/under pseudonyms derived from the researcher's export key, never by name or email\.$/)
        .waitFor();
      await page.getByText(/^Feedback, comments, replies, observation notes/).waitFor();
      await page.getByText('No changes yet', { exact: false }).waitFor();
      const toggle = page.getByRole('switch', { name: 'Include coaching in the research export' });
      expect(await toggle.isChecked()).toBe(false);
      await expectPhoneReady(page, 'off');

      // The administrator turns it on; meanwhile another administrator's tab turns it on and off again.
      await toggle.check({ force: true });
      const other = await suite.openPage(phone);
      await signIn(other, 'admin@demo.praxis.test');
      expect((await api(other, 'PUT', url, { settings: { includeCoaching: true }, version: 0 })).status).toBe(200);
      expect((await api(other, 'PUT', url, { settings: { includeCoaching: false }, version: 1 })).status).toBe(200);

      await page.getByRole('button', { name: 'Save research settings' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Someone changed this setting while you were editing' });
      await alert.waitFor();
      await alert.getByText(/^Saved now \(version 2\): Coaching is left out of the research export\./).waitFor();
      // Nothing chosen is lost: the switch still holds the administrator's choice.
      expect(await toggle.isChecked()).toBe(true);
      expect((await api<Stored>(page, 'GET', url)).body).toEqual({ settings: { includeCoaching: false }, version: 2 });
      await expectPhoneReady(page, 'stale');

      await alert.getByRole('button', { name: 'Keep my choice' }).click();
      await page.getByText('The research settings are saved.').waitFor();
      await expect
        .poll(async () => (await api<Stored>(page, 'GET', url)).body)
        .toEqual({ settings: { includeCoaching: true }, version: 3 });
      await expect.poll(() => alert.count()).toBe(0);
      expect(await page.getByRole('switch', { name: 'Include coaching in the research export' }).isChecked()).toBe(
        true,
      );

      // Every change is kept: who, when, before and after.
      const history = await api<{ items: { action: string; version: number; changes: Record<string, unknown> }[] }>(
        page,
        'GET',
        `${url}/history`,
      );
      expect(history.body.items.map((h) => [h.version, h.changes])).toEqual([
        [1, { includeCoaching: [false, true] }],
        [2, { includeCoaching: [true, false] }],
        [3, { includeCoaching: [false, true] }],
      ]);
      await expect.poll(() => page.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(3);
      await expectPhoneReady(page, 'on');
    },
  );

  test('a lead has no Research settings entry and the page refuses them', { timeout: 120_000 }, async () => {
    const page = await suite.openPage(phone);
    await signIn(page, 'lead@demo.praxis.test');
    const organization = await firstOrganization(page);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Coaching', exact: true }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Research settings' }).count()).toBe(0);
    const refused = await api(page, 'PUT', `/api/orgs/${organization.id}/research-settings`, {
      settings: { includeCoaching: true },
      version: 0,
    });
    expect(refused.status).toBe(403);
  });
});
