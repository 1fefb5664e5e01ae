import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { qualtricsTrackerCsv, qualtricsTrackerMapping, trackedInteractions } from '../../src/demo/tracker-files.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

interface Facts {
  orgId: string;
  engagements: { id: string; name: string; startDate: string; endDate: string | null }[];
}

const facts = (page: Page): Promise<Facts> =>
  page.evaluate(async () => {
    const get = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
    const session = await get<{ organizations: Array<{ id: string }> }>('/api/session');
    const orgId = session.organizations[0]?.id ?? '';
    const engagements = await get<{ items: Facts['engagements'] }>(`/api/orgs/${orgId}/engagements`);
    return { orgId, engagements: engagements.items };
  });

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the mapped import of a Qualtrics export in Chromium', () => {
  test(
    'a practitioner loads a mapping, previews the export with a problem, fixes it, saves the mapping and imports',
    { timeout: 180_000 },
    async () => {
      const page = await suite.openPage({ width: 375, height: 812 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const { orgId, engagements } = await facts(page);
      // Three engagements still running a month after the latest of their starts.
      const open = engagements.filter((e) => e.endDate === null).slice(0, 3);
      expect(open).toHaveLength(3);
      const start = open
        .map((e) => e.startDate)
        .sort()
        .at(-1)!;
      const tracked = trackedInteractions({ seed: 5, count: 9, sites: 3, start, days: 20 });
      const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];
      const csv = qualtricsTrackerCsv(tracked, sites);
      const finished = tracked.filter((t) => t.finished).length;
      // The mapping names two sites; the third is missing at first.
      const mapping = qualtricsTrackerMapping({ [sites[0]!]: open[0]!.id, [sites[1]!]: open[1]!.name });

      await page.goto(`/orgs/${orgId}/interactions/import-mapping`);
      await page.getByRole('heading', { level: 1, name: 'Import with a mapping' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const files = page.locator('input[type=file]');
      await files.nth(0).setInputFiles({ name: 'contact-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await files.nth(1).setInputFiles({
        name: 'contact-log.mapping.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(mapping)),
      });
      await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Qualtrics contact log');

      await page.getByRole('button', { name: 'Preview' }).click();
      const problems = page.getByRole('table', { name: 'Problems by row and column' });
      const missing = problems.getByRole('row').filter({ hasText: 'Eastside Schools' }).first();
      await missing.waitFor();
      expect(await missing.getByRole('cell').allTextContents()).toEqual([
        expect.stringMatching(/^\d+$/),
        'Q1',
        '"Eastside Schools" matches no engagement of this organization',
      ]);
      await page.getByRole('table', { name: 'Preview of the first interactions' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Map the third site through the engagement name table.
      await page.getByRole('button', { name: 'Add a row to engagement names' }).click();
      await page.getByLabel('Name in the file 3').fill('Eastside Schools');
      await page.getByRole('combobox', { name: 'Engagement 3' }).click();
      await page.getByRole('option', { name: open[2]!.name, exact: true }).click();
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping "Qualtrics contact log" saved (version 1).').waitFor();

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText(`${finished} interactions found, 0 problems. Nothing was written.`).waitFor();
      const preview = page.getByRole('table', { name: 'Preview of the first interactions' });
      expect(await preview.getByRole('row').count()).toBe(finished + 1);
      expect(await preview.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('4');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText(`${finished} interactions created from ${finished} rows.`).waitFor();
      const stored = await page.evaluate(
        async ([org, engagementId]) =>
          (
            (await (await fetch(`/api/orgs/${org}/interactions?engagementId=${engagementId}&limit=200`)).json()) as {
              items: { loggedBy: string; notes: string }[];
            }
          ).items.length,
        [orgId, open[2]!.id] as const,
      );
      expect(stored).toBeGreaterThanOrEqual(tracked.filter((t) => t.finished && t.site === 2).length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    },
  );
});
