import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every refusal (403, 404) or failure (5xx) of the API the page meets: a partner's pages must meet none. */
function refusals(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (response) => {
    if (
      response.url().includes('/api/') &&
      (response.status() === 403 || response.status() === 404 || response.status() >= 500)
    )
      seen.push(`${response.status()} ${response.url()}`);
  });
  return seen;
}

describe('the partner view in Chromium', () => {
  test(
    'a partner sees their partner’s engagements at 375 px, without refusals or axe violations',
    { timeout: 120_000 },
    async () => {
      const page = await suite.openPage({ width: 375, height: 800 });
      const refused = refusals(page);
      await signIn(page, 'partner@demo.praxis.test');
      const organization = await firstOrganization(page);
      await mainHeading(page, organization.name).waitFor();
      const engagements = page.getByRole('region', { name: /^Engagements of / });
      const first = engagements.getByRole('listitem').first().getByRole('link');
      await first.waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: path.join(screenshotDir, 'partner-home-phone.png'), fullPage: true });

      const name = ((await first.textContent()) ?? '').trim();
      await first.click();
      await mainHeading(page, name).waitFor();
      for (const section of ['Your next steps', 'Surveys waiting for you', 'Stages', 'Plan', 'Progress'])
        await page.getByRole('region', { name: section }).waitFor();
      await page.getByRole('table').getByRole('cell').first().waitFor();
      // No note or interaction of the support record is on the page: it has no link to one.
      expect(await page.locator('a[href*="/interactions/"]').count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: path.join(screenshotDir, 'partner-engagement-phone.png'), fullPage: true });

      // Every menu item opens a page the partner may use.
      await page.getByRole('button', { name: /navigation/i }).click();
      const navigation = page.getByRole('navigation', { name: 'Main' });
      const labels = (await navigation.getByRole('link').allTextContents()).map((t) => t.trim());
      expect(labels).toEqual(['Home', 'Practice models', 'Profile']);
      const targets = await navigation
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const target of targets) {
        await page.goto(target!);
        await page.locator('h1').first().waitFor();
        expect(await page.getByText(/permission/i).count()).toBe(0);
      }
      expect(refused).toEqual([]);
    },
  );

  test('an administrator links a partner member to a partner on the members page', { timeout: 120_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    await signIn(page, 'admin@demo.praxis.test');
    const organization = await firstOrganization(page);
    await page.goto(`/orgs/${organization.id}/admin/members`);
    const picker = page
      .getByRole('textbox', { name: 'Partner of Parker Partner (demo)' })
      .or(page.getByRole('combobox', { name: 'Partner of Parker Partner (demo)' }))
      .first();
    await picker.waitFor();
    // The seeded demo links the partner login to the partner of its first engagement.
    await expect.poll(() => picker.inputValue()).not.toBe('');
    const before = await picker.inputValue();
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await picker.click();
    const choice = page.getByRole('option').filter({ hasNotText: before.trim() }).first();
    const chosen = ((await choice.textContent()) ?? '').replace(/^(· )+/, '').trim();
    await choice.click();
    await page.getByText(`Parker Partner (demo) now sees the engagements of ${chosen}.`).waitFor();
    const members = (await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/orgs/${organization.id}/members`,
    )) as { items: { email: string; partnerId: string | null }[] };
    const partners = (await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/orgs/${organization.id}/partners`,
    )) as { items: { id: string; name: string }[] };
    const partnerId = members.items.find((m) => m.email === 'partner@demo.praxis.test')!.partnerId;
    expect(partners.items.find((p) => p.id === partnerId)?.name).toBe(chosen);
  });
});
