import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

const account = (role: string) => `${role}@demo.praxis.test`;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the home of each role in Chromium', () => {
  test('a practitioner goes from sign-in through home to a logged interaction', { timeout: 120_000 }, async () => {
    const page = await suite.openPage({ width: 1280, height: 900 });
    await signIn(page, account('practitioner'));
    const organization = await firstOrganization(page);
    // Sign-in lands on the home page, which says what is due and lists the person's engagements.
    await page.waitForURL(new RegExp(`/orgs/${organization.id}$`));
    await mainHeading(page, organization.name).waitFor();
    await page.getByRole('heading', { name: 'My next steps due' }).waitFor();
    const engagements = page.getByRole('region', { name: 'My engagements' });
    await engagements.getByRole('listitem').first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'home-practitioner.png'), fullPage: true });

    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog
      .getByRole('textbox', { name: 'Engagement' })
      .or(dialog.getByRole('combobox', { name: 'Engagement' }))
      .first()
      .click();
    // The person's own engagements come first.
    const firstChoice = page.getByRole('option').first();
    const engagementName = (await firstChoice.textContent())?.trim() ?? '';
    expect(engagementName).not.toBe('');
    await firstChoice.click();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await mainHeading(page, 'Log interaction').waitFor();

    const note = `Walked the team through the fidelity data ${Date.now()}`;
    await page
      .getByRole('textbox', { name: 'Minutes of Using data for continuous improvement', exact: true })
      .fill('30');
    await page.getByLabel('Notes').fill(note);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/\/engagements\/[^/]+$/);
    await page.getByRole('region', { name: 'Recent interactions' }).getByText(note).waitFor();

    // Back home, the engagement shows today's contact.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const card = page
      .getByRole('region', { name: 'My engagements' })
      .getByRole('listitem')
      .filter({ hasText: engagementName });
    await card.getByText(/^Contact today/).waitFor();
  });

  test('a signal on a home card explains itself to the keyboard', { timeout: 60_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    await signIn(page, account('practitioner'));
    const organization = await firstOrganization(page);
    const { items } = (await page.evaluate(
      async (orgId) => (await fetch(`/api/orgs/${orgId}/signals`)).json(),
      organization.id,
    )) as { items: { title: string; explanation: string; ruleText: string; acknowledgement: unknown }[] };
    const engagements = page.getByRole('region', { name: 'My engagements' });
    const firstSignal = engagements
      .getByRole('list', { name: /^Signals for / })
      .first()
      .getByRole('button')
      .first();
    await firstSignal.waitFor();
    const label = (await firstSignal.getAttribute('aria-label')) ?? '';
    const candidates = items.filter((s) => s.acknowledgement === null && label.includes(s.title));
    expect(candidates.length, `an open signal named in "${label}"`).toBeGreaterThan(0);

    // Reached and opened by the keyboard alone, not only on hover.
    await firstSignal.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => firstSignal.getAttribute('aria-expanded')).toBe('true');
    const explanation = page.locator('.mantine-Popover-dropdown');
    await explanation.waitFor();
    const shown = (await explanation.textContent()) ?? '';
    // Titles repeat across engagements; the popover shows one of them with its rule.
    expect(candidates.some((s) => shown.includes(s.explanation) && shown.includes(`Rule: ${s.ruleText}`))).toBe(true);
    await explanation.getByRole('link', { name: 'Open the engagement' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
    expect(await seriousAccessibilityViolations(page, '.mantine-Popover-dropdown')).toEqual([]);
    await page.keyboard.press('Escape');
    await explanation.waitFor({ state: 'hidden' });
    // Closing returns the focus to the signal, so the keyboard carries on from there.
    expect(await firstSignal.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  for (const role of ['practitioner', 'lead', 'researcher', 'admin', 'partner']) {
    test(`the ${role}'s home fits 375 px and passes axe`, { timeout: 90_000 }, async () => {
      const page = await suite.openPage({ width: 375, height: 800 });
      await signIn(page, account(role));
      const organization = await firstOrganization(page);
      await mainHeading(page, organization.name).waitFor();
      const expected: Record<string, string> = {
        practitioner: 'My engagements',
        lead: 'Whose next steps are overdue',
        researcher: 'Data freshness',
        admin: "The team's engagements",
        partner: 'Your support',
      };
      await page.getByText(expected[role]!, { exact: true }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
      await page.screenshot({ path: path.join(screenshotDir, `home-${role}-phone.png`), fullPage: true });

      // "About Praxis" stays one link away.
      await page.getByRole('link', { name: 'About Praxis' }).click();
      await page.getByRole('link', { name: 'doi:10.1177/26334895231179761' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }

  test('a partner’s navigation offers no page the partner would be refused', { timeout: 60_000 }, async () => {
    const page = await suite.openPage({ width: 1280, height: 900 });
    await signIn(page, account('partner'));
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Home' }).waitFor();
    const labels = (await navigation.getByRole('link').allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(['Home', 'Practice models', 'Profile']);
    for (const label of labels) {
      await navigation.getByRole('link', { name: label }).click();
      await page.locator('h1').first().waitFor();
      expect(await page.getByText(/permission/i).count()).toBe(0);
    }
  });
});
