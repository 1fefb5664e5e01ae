import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { signIn } from './support/sign-in.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const demoPractitioner = 'practitioner@demo.praxis.test';

const suite = useBrowserSuite();

async function openSignedIn(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await suite.openPage(viewport);
  await signIn(page, demoPractitioner);
  return page;
}

interface EngagementRow {
  id: string;
  name: string;
  endDate: string | null;
  supportTeam: string[];
}

/** An open engagement of the practitioner's own team, from the API the page itself uses. */
async function openEngagementOfMine(page: Page): Promise<{ orgId: string; engagement: EngagementRow }> {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/session')).json()) as {
      user: { id: string };
      organizations: Array<{ id: string }>;
    };
    const orgId = session.organizations[0]?.id ?? '';
    const { items } = (await (await fetch(`/api/orgs/${orgId}/engagements`)).json()) as { items: EngagementRow[] };
    const engagement =
      items.find((candidate) => candidate.endDate === null && candidate.supportTeam.includes(session.user.id)) ??
      items[0];
    if (!engagement) throw new Error('the demo has no engagement');
    return { orgId, engagement };
  });
}

/** Counts what a person does: every click, key press and fill. */
class ActionCounter {
  count = 0;
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.count += 1;
    await target.fill(value);
  }
  async press(page: Page, key: string): Promise<void> {
    this.count += 1;
    await page.keyboard.press(key);
  }
}

const chip = (page: Page, label: string) => page.locator('label').filter({ hasText: new RegExp(`^${label}$`) });
const minutes = (page: Page, component: string) =>
  page.getByRole('textbox', { name: `Minutes of ${component}`, exact: true });

describe('the support record in Chromium', () => {
  let orgId = '';
  let engagement: EngagementRow;
  let loggedInteractionPath = '';

  test(
    'a practitioner logs a typical interaction from the engagement page in a few actions',
    { timeout: 120_000 },
    async () => {
      const page = await openSignedIn();
      ({ orgId, engagement } = await openEngagementOfMine(page));
      await page.goto(`/orgs/${orgId}/engagements/${engagement.id}`);
      await page.getByRole('heading', { level: 1, name: engagement.name }).waitFor();
      expect(await page.title()).toContain(engagement.name);

      // The charts are drawn as SVG with bars.
      const mix = page.getByRole('img', { name: /^Component mix/ });
      await mix.locator('svg').waitFor();
      expect(await mix.locator('svg path').count()).toBeGreaterThan(20);
      expect(await page.getByRole('img', { name: /^Dose/ }).locator('svg path').count()).toBeGreaterThan(5);
      await page.waitForTimeout(500);
      const shot = path.join(screenshotDir, 'engagement.png');
      await page.screenshot({ path: shot, fullPage: true });
      if (process.env.PRAXIS_UPDATE_DOC_SCREENSHOTS === '1')
        copyFileSync(shot, path.join(repoRoot, 'docs/screenshot-engagement.png'));

      const note = `Coached the data team on run charts ${Date.now()}`;
      const act = new ActionCounter();
      await act.click(page.getByRole('link', { name: 'Log interaction' }));
      await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();
      // Date, time, stage, mode and duration come pre-filled; the running total starts at 0 of 60.
      await page.getByText('0 of 60 min').waitFor();
      await act.fill(minutes(page, 'Coaching for performance'), '20');
      await act.fill(minutes(page, 'Using data for continuous improvement'), '25');
      await act.fill(minutes(page, 'Facilitating teams and collaboration'), '15');
      await act.click(chip(page, 'Give specific feedback'));
      await act.click(chip(page, 'Guided practice'));
      await act.click(chip(page, 'Review data with the team'));
      await act.click(chip(page, 'Run plan-do-study-act cycles'));
      await act.click(chip(page, 'Prepare and run team meetings'));
      await page.getByText('60 of 60 min').waitFor();
      await act.fill(page.getByLabel('Notes'), note);
      await page.screenshot({ path: path.join(screenshotDir, 'log-interaction.png'), fullPage: true });
      await act.press(page, 'Control+Enter');

      await page.waitForURL(new RegExp(`/engagements/${engagement.id}$`));
      const timeline = page.getByRole('region', { name: 'Recent interactions' });
      await timeline.getByText(note).waitFor();
      console.log(`logging a typical interaction (3 components, 5 activities, a note) took ${act.count} actions`);
      expect(act.count).toBeLessThanOrEqual(12);

      const link = timeline.locator('.mantine-Timeline-item').filter({ hasText: note }).getByRole('link');
      loggedInteractionPath = (await link.getAttribute('href')) ?? '';
      expect(loggedInteractionPath).toMatch(/\/interactions\/[^/]+$/);
    },
  );

  test('an unsaved form survives a reload and can be discarded', { timeout: 60_000 }, async () => {
    const page = await openSignedIn();
    await page.goto(`/orgs/${orgId}/engagements/${engagement.id}/log`);
    await minutes(page, 'Coaching for performance').fill('30');
    await page.getByLabel('Notes').fill('Half-written note about the coaching session');
    await page.reload();

    await page.getByText('Unsaved draft restored').waitFor();
    expect(await page.getByLabel('Notes').inputValue()).toBe('Half-written note about the coaching session');
    expect(await minutes(page, 'Coaching for performance').inputValue()).toBe('30');
    await page.getByText('30 of 60 min').waitFor();

    await page.getByRole('button', { name: 'Discard draft' }).click();
    expect(await page.getByLabel('Notes').inputValue()).toBe('');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();
    expect(await page.getByText('Unsaved draft restored').count()).toBe(0);
  });

  test(
    'two people edit the same interaction: the stale save shows both versions and keeps the chosen one',
    { timeout: 90_000 },
    async () => {
      const first = await openSignedIn();
      const second = await openSignedIn();
      await first.goto(`${loggedInteractionPath}/edit`);
      await second.goto(`${loggedInteractionPath}/edit`);
      await first.getByRole('heading', { level: 1, name: 'Edit interaction' }).waitFor();
      await second.getByRole('heading', { level: 1, name: 'Edit interaction' }).waitFor();

      await second.getByLabel('Notes').fill('Saved first from the second window');
      await second.getByRole('button', { name: 'Save changes' }).click();
      await second.waitForURL(/\/interactions\/[^/]+$/);

      await first.getByLabel('Notes').fill('My edit from the first window');
      await first.getByRole('button', { name: 'Save changes' }).click();
      await first.getByText('Someone saved this interaction while you were editing').waitFor();
      const comparison = first.getByRole('table', { name: 'Your version and the saved version' });
      const notesRow = comparison.getByRole('row').filter({ hasText: 'Notes' });
      expect(await notesRow.getAttribute('data-differs')).toBe('true');
      await expect.poll(() => notesRow.textContent()).toContain('Saved first from the second window');
      await first.screenshot({ path: path.join(screenshotDir, 'stale-version.png'), fullPage: true });

      await first.getByRole('button', { name: 'Keep mine' }).click();
      await first.waitForURL(/\/interactions\/[^/]+$/);
      await first.getByText('My edit from the first window').first().waitFor();
      await first.getByRole('tab', { name: /History/ }).click();
      const history = first.getByRole('list', { name: 'History' });
      await history.getByText('version 3').waitFor();
      await history.getByText('Saved first from the second window').first().waitFor();
      await first.screenshot({ path: path.join(screenshotDir, 'interaction-history.png'), fullPage: true });
    },
  );

  test('the log form works at phone width', { timeout: 60_000 }, async () => {
    const page = await openSignedIn({ width: 375, height: 800 });
    await page.goto(`/orgs/${orgId}/engagements/${engagement.id}/log`);
    await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'log-interaction-phone.png'), fullPage: false });
  });
});
