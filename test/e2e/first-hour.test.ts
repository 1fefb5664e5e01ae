import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSuite } from './support/browser-suite.ts';
import { demoAccounts } from '../../src/domain/accounts/demo-accounts.ts';
import { glossary } from '../../src/web/words/glossary.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { signInToOrganization } from './support/sign-in.ts';

const suite = useBrowserSuite();

interface EngagementRow {
  id: string;
  endDate: string | null;
  stages: { stageId: string }[];
}

async function engagements(page: Page, orgId: string): Promise<EngagementRow[]> {
  return page.evaluate(
    async (org) => ((await (await fetch(`/api/orgs/${org}/engagements`)).json()) as { items: EngagementRow[] }).items,
    orgId,
  );
}

const dayAfter = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The text of the messages a field points to with aria-describedby. */
async function describedText(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(new RegExp(`^${label}`)).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe('the log form in Chromium', () => {
  test('Save is under 30 Tab presses from the first field', { timeout: 90_000 }, async () => {
    const page = await suite.openPage({ width: 1280, height: 900 });
    const orgId = await signInToOrganization(page, demoAdmin);
    const open = (await engagements(page, orgId)).find((e) => e.endDate === null && e.stages.length > 0);
    if (!open) throw new Error('the demo has no open engagement with a stage');
    await page.goto(`/orgs/${orgId}/engagements/${open.id}/log`);
    await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();

    // The components the stage does not emphasize wait behind a disclosure.
    const disclosure = page.getByRole('button', { name: /^Show \d+ other components?$/ });
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false');

    await page.getByLabel(/^Date/).focus();
    let presses = 0;
    while (presses < 200) {
      const onSave = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Save interaction');
      if (onSave) break;
      await page.keyboard.press('Tab');
      presses += 1;
    }
    console.log(`Save interaction is ${presses} Tab presses from the date`);
    expect(presses).toBeLessThan(30);

    await disclosure.click();
    await page.getByRole('button', { name: /^Hide the \d+ other components?$/ }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBeGreaterThan(8);
  });

  test(
    'a refused save says why in one sentence per field and takes the person there',
    { timeout: 90_000 },
    async () => {
      const page = await suite.openPage({ width: 1280, height: 800 });
      const orgId = await signInToOrganization(page, demoAdmin);
      const ended = (await engagements(page, orgId)).find((e) => e.endDate !== null);
      if (!ended?.endDate) throw new Error('the demo has no engagement that has ended');
      await page.goto(`/orgs/${orgId}/engagements/${ended.id}/log`);
      await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();

      // Checked in the browser before sending: an empty date.
      await page.getByLabel(/^Date/).fill('');
      await page.getByLabel('Notes').focus();
      await page.getByRole('button', { name: 'Save interaction' }).click();
      await expect.poll(() => describedText(page, 'Date')).toContain('Enter a date.');
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
        .toBe('date');

      // Refused by the server: a date after the engagement ended, reported beside the date, in view and focused.
      await page.getByLabel(/^Date/).fill(dayAfter(ended.endDate));
      await page.getByLabel('Notes').focus();
      await page.getByRole('button', { name: 'Save interaction' }).click();
      await expect
        .poll(() => describedText(page, 'Date'))
        .toContain(`The date is after the engagement ended (${ended.endDate}).`);
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
        .toBe('date');
      const box = await page.getByLabel(/^Date/).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 800).toBe(true);
      const text = await page.getByRole('main').innerText();
      expect(text).not.toMatch(/expected|received|>=|Too small|Invalid input/);
    },
  );

  test('component minutes short of the duration are a warning, not a refusal', { timeout: 90_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    const orgId = await signInToOrganization(page, demoAdmin);
    const open = (await engagements(page, orgId)).find((e) => e.endDate === null && e.stages.length > 0);
    if (!open) throw new Error('the demo has no open engagement with a stage');
    await page.goto(`/orgs/${orgId}/engagements/${open.id}/log`);
    await page.getByRole('heading', { level: 1, name: 'Log interaction' }).waitFor();
    const firstMinutes = page.getByRole('textbox', { name: /^Minutes of / }).first();
    await firstMinutes.fill('20');
    await expect
      .poll(() => page.getByTestId('unassigned-minutes').textContent())
      .toBe('40 minutes of the 60 are not assigned to a component. You can still save.');
    await page.getByLabel('Notes').fill('Short component time on purpose');
    await page.getByRole('button', { name: 'Save interaction' }).click();
    await page.waitForURL(new RegExp(`/engagements/${open.id}$`));
    await page
      .getByText(/minutes? not assigned to a component/)
      .first()
      .waitFor();
  });
});

describe('a new engagement in Chromium', () => {
  test('says there is nothing logged yet instead of drawing empty charts', { timeout: 90_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    const orgId = await signInToOrganization(page, demoAdmin);
    const engagementId = await page.evaluate(async (org) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const partners = (await (await fetch(`/api/orgs/${org}/partners`)).json()) as { items: { id: string }[] };
      const response = await fetch(`/api/orgs/${org}/engagements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          partnerId: partners.items[0]!.id,
          name: 'A brand-new engagement',
          startDate: '2024-01-15',
          modelId: 'eis-toc',
          modelVersion: '1.0.0',
        }),
      });
      return ((await response.json()) as { id: string }).id;
    }, orgId);
    await page.goto(`/orgs/${orgId}/engagements/${engagementId}`);
    await page.getByRole('heading', { level: 1, name: 'A brand-new engagement' }).waitFor();
    await expect.poll(() => page.getByTestId('no-data-yet').count()).toBe(3);
    await page.getByText('No interactions logged yet.', { exact: false }).waitFor();
    await page.getByText('No component minutes logged yet.', { exact: false }).waitFor();
    await page.getByText('No stage of this engagement has a plan for these months yet.', { exact: false }).waitFor();
    expect(await page.getByRole('img', { name: /^Component mix|^Dose|^Plan versus actual/ }).count()).toBe(0);
  });
});

describe('the terms of the field in Chromium', () => {
  test('are explained beside them, by a button that works by keyboard', { timeout: 90_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    const orgId = await signInToOrganization(page, demoAdmin);
    const open =
      (await engagements(page, orgId)).find((e) => e.endDate === null) ?? (await engagements(page, orgId))[0];
    if (!open) throw new Error('the demo has no engagement');
    await page.goto(`/orgs/${orgId}/engagements/${open.id}`);
    const doseTip = page.getByRole('button', { name: 'What is dose?' }).first();
    await doseTip.waitFor();
    await doseTip.focus();
    await page.keyboard.press('Enter');
    // The explanation is a note named by the button that opened it.
    const note = page.getByRole('note', { name: 'What is dose?' });
    await expect.poll(() => note.textContent()).toBe(glossary.dose);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'What is month of relationship?' }).first().click();
    await expect
      .poll(() => page.getByRole('note', { name: 'What is month of relationship?' }).textContent())
      .toBe(glossary['month of relationship']);
  });
});

describe('the sign-in page of a server with the demo', () => {
  test('lists one demo login per role, and choosing one fills the form', { timeout: 90_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    await page.goto('/login');
    const demo = page.getByRole('region', { name: 'Try the demo' });
    await demo.waitFor();
    const text = await demo.innerText();
    for (const account of demoAccounts) expect(text).toContain(account.email);
    expect(text).toContain(demoPassword);
    await demo.getByRole('button', { name: 'lead@demo.praxis.test' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe('lead@demo.praxis.test');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/orgs\//);
  });
});
