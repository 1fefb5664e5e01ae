import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const demoPractitioner = 'practitioner@demo.praxis.test';
const phone = { width: 375, height: 812 };

async function openSignedIn(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await suite.openPage(viewport);
  await signIn(page, demoPractitioner);
  return page;
}

interface DemoFacts {
  orgId: string;
  me: string;
  partner: string;
  colleague: string;
  components: string[];
}

/** Names from the demo organization, read through the API the pages use. */
function demoFacts(page: Page): Promise<DemoFacts> {
  return page.evaluate(async () => {
    const get = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
    const session = await get<{ user: { id: string }; organizations: Array<{ id: string }> }>('/api/session');
    const orgId = session.organizations[0]?.id ?? '';
    const partners = await get<{ items: Array<{ name: string }> }>(`/api/orgs/${orgId}/partners`);
    const people = await get<{ items: Array<{ userId: string; name: string }> }>(`/api/orgs/${orgId}/people`);
    const model = await get<{ components: Array<{ id: string }> }>(`/api/orgs/${orgId}/models/eis-toc`);
    return {
      orgId,
      me: people.items.find((person) => person.userId === session.user.id)?.name ?? '',
      partner: partners.items[0]?.name ?? '',
      colleague: people.items.find((person) => person.userId !== session.user.id)?.name ?? '',
      components: model.components.map((component) => component.id),
    };
  });
}

/** A form field by its label; a required field's label ends with an asterisk. */
const field = (page: Page, label: string) =>
  page.locator('input:visible, textarea:visible').and(page.getByLabel(new RegExp(`^${label}( \\*)?$`)));

/** Picks an option of a Mantine Select or MultiSelect by typing part of it. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = field(page, label);
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const csvHeader =
  'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';
const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from([csvHeader, ...lines].join('\n') + '\n'),
});

describe('engagements and interaction files in Chromium', () => {
  let facts: DemoFacts;
  let engagementPath = '';
  const name = `Harbor County schools ${Date.now()}`;
  const renamed = `${name} (renamed)`;

  test(
    'a practitioner creates an engagement through the form, with errors shown beside their fields',
    { timeout: 120_000 },
    async () => {
      const page = await openSignedIn();
      facts = await demoFacts(page);
      await page.goto(`/orgs/${facts.orgId}/engagements`);
      await page.getByRole('link', { name: 'New engagement' }).click();
      await page.getByRole('heading', { level: 1, name: 'New engagement' }).waitFor();

      await page.getByRole('button', { name: 'Create engagement' }).click();
      const nameField = field(page, 'Name');
      expect(await nameField.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('Enter a name.').first().waitFor();

      await nameField.fill(name);
      await choose(page, 'Partner', facts.partner);
      await choose(page, 'Support team', facts.colleague);
      await field(page, 'Start date').fill('2026-01-05');
      await field(page, 'End date').fill('2025-12-01');
      await field(page, 'Goals').fill('Screen every new student\nTrain two coaches');
      await page.getByRole('button', { name: 'Add a stage' }).click();
      await page.getByRole('button', { name: 'Create engagement' }).click();
      // The server refuses an end before the start; the message sits under the end date.
      await page.getByText('The end date is before the start date (2026-01-05).').waitFor();
      expect(await field(page, 'End date').getAttribute('aria-invalid')).toBe('true');
      await page.screenshot({ path: path.join(screenshotDir, 'engagement-form-errors.png'), fullPage: true });

      await field(page, 'End date').fill('');
      await page.getByRole('button', { name: 'Create engagement' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      engagementPath = new URL(page.url()).pathname;
      expect(engagementPath).toMatch(/\/engagements\/(?!new$)[^/]+$/);
      await page.getByText(`support team: you, ${facts.colleague}`).waitFor();
      await page.getByText(facts.partner).first().waitFor();
      const goals = page.getByRole('region', { name: 'Goals' });
      await goals.getByText('Train two coaches').waitFor();
      await page.getByRole('region', { name: 'Stages' }).getByText('current').waitFor();
    },
  );

  test('editing the engagement shows the change in its history', { timeout: 90_000 }, async () => {
    const page = await openSignedIn();
    await page.goto(engagementPath);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit engagement' }).waitFor();
    expect(await field(page, 'Name').inputValue()).toBe(name);
    await field(page, 'Name').fill(renamed);
    await page.getByRole('button', { name: 'Save changes' }).click();

    await page.waitForURL(new RegExp(`${engagementPath}$`));
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    const history = page.getByRole('list', { name: 'History' });
    const edited = history.getByRole('listitem').filter({ hasText: 'Edited' });
    await edited.getByText('version 2').waitFor();
    await edited.getByText(name, { exact: true }).waitFor();
    await edited.getByText(renamed, { exact: true }).waitFor();
    await history.getByRole('listitem').filter({ hasText: 'Created' }).getByText('by you').waitFor();
  });

  test('a stale save of the engagement shows both versions and keeps the chosen one', { timeout: 90_000 }, async () => {
    const page = await openSignedIn();
    await page.goto(`${engagementPath}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit engagement' }).waitFor();
    // Someone else saves a change meanwhile, through the API.
    const status = await page.evaluate(
      async (url) => {
        const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const {
          id: _id,
          version,
          createdAt: _c,
          updatedAt: _u,
          deletedAt: _d,
          ...input
        } = (await (await fetch(url)).json()) as Record<string, unknown>;
        const body = JSON.stringify({ ...input, goals: ['Changed elsewhere'], version });
        return (
          await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body,
          })
        ).status;
      },
      `/api${engagementPath.replace(/^\/orgs/, '/orgs')}`,
    );
    expect(status).toBe(200);

    await field(page, 'Goals').fill('Mine: screen every new student');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone saved this engagement while you were editing').waitFor();
    const goalsRow = page
      .getByRole('table', { name: 'Your version and the saved version' })
      .getByRole('row')
      .filter({ hasText: 'Goals' });
    expect(await goalsRow.getAttribute('data-differs')).toBe('true');
    await goalsRow.getByText('Changed elsewhere').waitFor();
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await page.waitForURL(new RegExp(`${engagementPath}$`));
    await page.getByRole('region', { name: 'Goals' }).getByText('Mine: screen every new student').waitFor();
  });

  test(
    'importing a file with a bad row reports the row; a good file creates the interactions, which the export then carries',
    { timeout: 120_000 },
    async () => {
      const page = await openSignedIn();
      const engagementId = engagementPath.split('/').at(-1) ?? '';
      const [first, second] = facts.components;
      await page.goto(`/orgs/${facts.orgId}/interactions`);
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import interactions' }).waitFor();

      await page
        .locator('input[type=file]')
        .setInputFiles(
          csvFile('bad.csv', [
            `k1,${engagementId},2026-02-03,10:00,60,video,,${first},30,,,,Imported kick-off`,
            `k2,${engagementId},2026-02-10,,30,phone,,juggling,10,,,,Bad component`,
          ]),
        );
      await page.getByRole('button', { name: 'Check only (dry run)' }).click();
      const problems = page.getByRole('table', { name: 'Problems by row' });
      const badRow = problems.getByRole('row').filter({ hasText: 'juggling' });
      await badRow.waitFor();
      expect(await badRow.getByRole('cell').allTextContents()).toEqual([
        '3',
        'component_id',
        expect.stringContaining('unknown component "juggling"'),
      ]);
      await page.getByText('Nothing was imported').waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'import-report.png'), fullPage: true });

      await page
        .locator('input[type=file]')
        .setInputFiles(
          csvFile('good.csv', [
            `k1,${engagementId},2026-02-03,10:00,60,video,,${first},30,,,,Imported kick-off`,
            `k1,${engagementId},2026-02-03,10:00,60,video,,${second},20,,,,Imported kick-off`,
            `k2,${engagementId},2026-02-10,,30,phone,,${first},10,,,,Imported follow-up`,
          ]),
        );
      await page.getByRole('button', { name: 'Check only (dry run)' }).click();
      await page.getByText('The file is valid').waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('2 interactions created').waitFor();

      await page.goto(`/orgs/${facts.orgId}/interactions?engagementId=${engagementId}`);
      await page.getByText('Showing 2').waitFor();
      await page.getByRole('button', { name: 'Export' }).click();
      const href = (await page.getByRole('menuitem', { name: /Long CSV/ }).getAttribute('href')) ?? '';
      const exported = await page.evaluate(async (url) => (await fetch(url)).text(), href);
      expect(exported).toContain('Imported follow-up');
      expect(exported.split('\n').filter((line) => line.includes(engagementId))).toHaveLength(3);
    },
  );

  test('the new pages fit a phone screen', { timeout: 120_000 }, async () => {
    const page = await openSignedIn(phone);
    const pages: Array<[string, string]> = [
      [`/orgs/${facts.orgId}/engagements/new`, 'New engagement'],
      [`${engagementPath}/edit`, 'Edit engagement'],
      [`/orgs/${facts.orgId}/interactions/import`, 'Import interactions'],
      [engagementPath, renamed],
    ];
    for (const [url, heading] of pages) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect({ url, overflow: await horizontalOverflow(page) }).toEqual({ url, overflow: 0 });
    }
    await page.goto(`/orgs/${facts.orgId}/interactions/import`);
    await page.locator('input[type=file]').setInputFiles(csvFile('empty.csv', []));
    await page.getByRole('button', { name: 'Check only (dry run)' }).click();
    await page.getByText('Nothing was imported').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'import-phone.png'), fullPage: true });
  });
});
