import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './support/browser-suite.ts';
import { signInToOrganization } from './support/sign-in.ts';

const suite = useBrowserSuite();

async function openSignedIn(): Promise<{ page: Page; orgId: string }> {
  const page = await suite.openPage({ width: 1280, height: 900 });
  const orgId = await signInToOrganization(page, 'researcher@demo.praxis.test');
  return { page, orgId };
}

/** The engagements figure at the top of the page. */
const engagementsCount = async (page: Page): Promise<string> =>
  ((await page.getByRole('group', { name: 'Engagements' }).innerText()).split('\n').at(-1) ?? '').trim();

async function expectNoNaN(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toContain('NaN');
  const html = await page.content();
  expect(html.slice(Math.max(0, html.indexOf('NaN') - 300), html.indexOf('NaN') + 100)).not.toContain('NaN');
}

describe('the analysis page in Chromium', () => {
  test(
    'shows every descriptive view with its method, filters by region, and downloads the organization report',
    { timeout: 240_000 },
    async () => {
      const { page } = await openSignedIn();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
      await page.waitForURL(/\/analysis$/);
      await page.getByRole('heading', { name: 'Dose by month of relationship across engagements' }).waitFor();
      for (const title of [
        'Dose by calendar month',
        'Component mix over months of relationship',
        'Principle use',
        'Mode mix',
        'Practice-activity use rates',
        'Diversity of component use',
        'Transitions between dominant components',
        'Stage timing',
      ]) {
        await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(1);
      }
      // Staying with a component is told apart from moving to another.
      await expect.poll(() => page.getByText('Moved to another component', { exact: true }).count()).toBe(1);
      await expect.poll(() => page.getByText('Stayed with the same component', { exact: true }).count()).toBe(1);
      expect(await page.getByText(/kept the same dominant component and [\d,]+ pairs? \(\d+%\) moved/).count()).toBe(1);
      await expect.poll(() => page.getByText(/R type-7 quantiles/).count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText(/Shannon entropy, natural log/).count()).toBeGreaterThan(0);
      const doseChart = page.getByRole('img', { name: /mean, median and interquartile range/ });
      await expect.poll(() => doseChart.locator('svg path').count()).toBeGreaterThan(3);
      await page.getByRole('img', { name: 'Share of interactions applying each principle' }).locator('svg').waitFor();
      const allEngagements = await engagementsCount(page);
      expect(Number(allEngagements)).toBeGreaterThanOrEqual(3);
      await expectNoNaN(page);

      await page.getByLabel('Region', { exact: true }).first().click();
      await page.getByRole('option').first().click();
      await page.waitForURL(/region=/);
      await expect.poll(async () => Number(await engagementsCount(page))).toBeLessThan(Number(allEngagements));
      await expectNoNaN(page);

      await page.getByRole('button', { name: 'Organization report' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^organization-report-.+\.pdf$/);
      const file = await download.path();
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  );

  test(
    'explains empty selections and fewer than three engagements instead of showing NaN',
    { timeout: 180_000 },
    async () => {
      const { page, orgId } = await openSignedIn();
      await page.goto(`/orgs/${orgId}/analysis?engagement=no-such-engagement`);
      await page.getByText('No engagements match these filters').waitFor();
      await expectNoNaN(page);

      await page.goto(`/orgs/${orgId}/analysis?from=2099-01&to=2099-12`);
      await page.getByRole('heading', { name: 'Principle use' }).waitFor();
      await expect.poll(() => page.getByText('No interactions in this period.').count()).toBeGreaterThan(1);
      await expectNoNaN(page);

      const engagementId = await page.evaluate(
        async (org) =>
          ((await (await fetch(`/api/orgs/${org}/engagements`)).json()) as { items: { id: string }[] }).items[0]!.id,
        orgId,
      );
      await page.goto(`/orgs/${orgId}/analysis?engagement=${engagementId}`);
      await page.getByText('Fewer than 3 engagements', { exact: true }).waitFor();
      await page.getByText(/Too few engagements: this view needs at least 3 engagements/).waitFor();
      await expectNoNaN(page);

      await page.goto(`/orgs/${orgId}/engagements/${engagementId}`);
      await page.getByRole('button', { name: 'Report' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'HTML page' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^engagement-report-.+\.html$/);
      const html = readFileSync(await download.path(), 'utf8');
      expect(html).toContain('<h2>Dose by month of relationship</h2>');
      expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    },
  );
});
