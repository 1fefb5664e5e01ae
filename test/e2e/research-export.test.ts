import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './support/browser-suite.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

async function openSignedIn(email: string) {
  const page = await suite.openPage({ width: 1280, height: 900 });
  await signIn(page, email);
  return page;
}

describe('the research export page in Chromium', () => {
  test(
    'a researcher generates a key and downloads the zip; the same key gives the same pseudonyms',
    { timeout: 240_000 },
    async () => {
      const page = await openSignedIn('researcher@demo.praxis.test');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research export' }).click();
      await page.waitForURL(/\/research\/export$/);
      await page.getByRole('heading', { name: 'Research export' }).waitFor();
      const download = page.getByRole('button', { name: 'Download research export' });
      expect(await download.isDisabled()).toBe(true);
      await page.getByLabel(/^Export key/).fill('too short');
      await page.getByText('must be at least 16 characters').waitFor();

      await page.getByRole('button', { name: 'Generate a key' }).click();
      const key = await page.getByLabel(/^Export key/).inputValue();
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const engagementIds = async (): Promise<string> => {
        const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
        expect(file.suggestedFilename()).toMatch(/^praxis-research-export-\d{4}-\d{2}-\d{2}\.zip$/);
        const files = unzipSync(readFileSync(await file.path()));
        expect(Object.keys(files)).toEqual(
          expect.arrayContaining(['data/interactions.csv', 'codebook.md', 'analysis.R', 'README.txt']),
        );
        return strFromU8(files['data/engagements.csv']!)
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0])
          .join(' ');
      };
      const first = await engagementIds();
      expect(first).toMatch(/^E-[0-9a-f]{16}/);
      expect(await engagementIds()).toBe(first);
    },
  );

  test(
    'a practitioner has no Research export entry and the page says who may use it',
    { timeout: 120_000 },
    async () => {
      const page = await openSignedIn('practitioner@demo.praxis.test');
      const navigation = page.getByRole('navigation', { name: 'Main' });
      await navigation.getByRole('link', { name: 'Interactions' }).waitFor();
      expect(await navigation.getByRole('link', { name: 'Research export' }).count()).toBe(0);
      const orgId = /\/orgs\/([^/]+)/.exec(page.url())![1]!;
      await page.goto(`/orgs/${orgId}/research/export`);
      await page.getByText('Only researchers, leads and administrators').waitFor();
    },
  );
});
