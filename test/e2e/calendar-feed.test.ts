import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The address the page shows once, after it was created or replaced. */
async function shownAddress(page: Page): Promise<string> {
  const address = (await page.getByTestId('new-calendar-address').textContent())?.trim() ?? '';
  expect(address).toMatch(new RegExp(`^${suite.server().baseUrl}/api/calendar/cal_[^/]+\\.ics$`));
  return address;
}

describe('the calendar feed on the profile in Chromium', () => {
  test('a practitioner creates, replaces and revokes the address on a phone', { timeout: 120_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    await signIn(page, 'practitioner@demo.praxis.test');
    await page.goto('/profile');
    await mainHeading(page, 'Profile').waitFor();
    const calendar = page.getByRole('region', { name: 'Calendar' });
    await calendar.getByRole('button', { name: 'Create calendar address' }).click();

    // Shown once: the full address with the server's origin, a Copy button and how to subscribe.
    const address = await shownAddress(page);
    await calendar.getByRole('button', { name: 'Copy address' }).waitFor();
    for (const calendarApp of ['Outlook', 'Google Calendar', 'Apple Calendar']) {
      await calendar.getByText(calendarApp, { exact: true }).waitFor();
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);

    // The address answers iCalendar with the person's events, without a login.
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await feed.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toContain('BEGIN:VEVENT');

    // Once dismissed, only its prefix and creation date remain, also after a reload.
    await calendar.getByRole('button', { name: 'Done' }).click();
    const live = calendar.getByTestId('live-calendar-address');
    await live.waitFor();
    const token = address.slice(address.lastIndexOf('/') + 1, -'.ics'.length);
    const prefix = (await live.locator('code').textContent())?.replace('…', '') ?? '';
    expect(prefix.length).toBeGreaterThan('cal_'.length);
    expect(token.startsWith(prefix)).toBe(true);
    await page.reload();
    await live.waitFor();
    expect(await page.content()).not.toContain(token);
    expect(await live.textContent()).toMatch(/created on /);

    // Replacing asks first, shows a new address and retires the old one.
    await calendar.getByRole('button', { name: 'Replace address' }).click();
    const replaceDialog = page.getByRole('dialog', { name: 'Replace calendar address?' });
    await replaceDialog.getByRole('button', { name: 'Replace address' }).click();
    const replacement = await shownAddress(page);
    expect(replacement).not.toBe(address);
    expect((await fetch(address)).status).toBe(404);
    expect((await fetch(replacement)).status).toBe(200);
    await calendar.getByRole('button', { name: 'Done' }).click();

    // Revoking asks first; cancelling keeps the address working.
    await calendar.getByRole('button', { name: 'Revoke address' }).click();
    const revokeDialog = page.getByRole('dialog', { name: 'Revoke calendar address?' });
    await revokeDialog.getByRole('button', { name: 'Cancel' }).click();
    await revokeDialog.waitFor({ state: 'hidden' });
    expect((await fetch(replacement)).status).toBe(200);
    await calendar.getByRole('button', { name: 'Revoke address' }).click();
    await revokeDialog.getByRole('button', { name: 'Revoke address' }).waitFor();
    // Colours are checked once the dialog has faded in.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    expect(await seriousAccessibilityViolations(page, '[role="dialog"]')).toEqual([]);
    await revokeDialog.getByRole('button', { name: 'Revoke address' }).click();
    await calendar.getByRole('button', { name: 'Create calendar address' }).waitFor();
    expect((await fetch(replacement)).status).toBe(404);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
  });
});
