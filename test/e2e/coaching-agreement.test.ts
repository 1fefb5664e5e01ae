import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('rater agreement on the coaching team view in Chromium', () => {
  test('a lead sees agreement with its methods named, accessible and within 375 px', { timeout: 120_000 }, async () => {
    for (const width of [1280, 375]) {
      const page = await suite.openPage({ width, height: 900 });
      await signIn(page, 'lead@demo.praxis.test');
      const organization = await firstOrganization(page);
      await page.goto(`/orgs/${organization.id}/coaching`);
      await mainHeading(page, 'Coaching').waitFor();
      await page.getByRole('heading', { name: 'Agreement between raters' }).waitFor();
      await page.getByText(/psych::cohen\.kappa/).waitFor();
      await page
        .getByText(/Shrout & Fleiss \(1979\)/)
        .first()
        .waitFor();
      await page.getByRole('table', { name: 'Coach against coach' }).waitFor();
      await page.getByRole('table', { name: 'Self against coach' }).waitFor();
      expect(await horizontalOverflow(page), `${width} px`).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page, 'main'), `${width} px`).toEqual([]);
      await page.close();
    }
  });
});
