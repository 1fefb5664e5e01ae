import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Client } from '../support/http.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 740 };

/** Signs in as the demo administrator and plans a wave with `instrument` on the first engagement; returns a way to invite. */
async function planWave(
  instrument = { instrumentId: 'aim-support', version: '1.0.0' },
): Promise<{ staff: Client; org: string; waveId: string }> {
  const staff = new Client(suite.server().baseUrl);
  expect((await staff.login(demoAdmin, demoPassword)).status).toBe(200);
  const orgId = (await staff.get('/api/session')).body.organizations[0].id;
  const org = `/api/orgs/${orgId}`;
  const engagement = (await staff.get(`${org}/engagements`)).body.items[0];
  const wave = await staff.post(`${org}/engagements/${engagement.id}/waves`, {
    name: 'Six-month follow-up',
    kind: 'follow-up',
    scheduledOn: '2021-06-01',
    instruments: [instrument],
  });
  expect(wave.status).toBe(201);
  return { staff, org, waveId: wave.body.id };
}

describe('the partner survey on a phone', { timeout: 180_000 }, () => {
  test('answers are saved as given, survive a reload, submit once, and a used or revoked link says so', async () => {
    const { staff, org, waveId } = await planWave();
    const invitation = (await staff.post(`${org}/waves/${waveId}/invitations`, { anonymous: true })).body;
    const page = await suite.openPage(phone);
    await page.goto(invitation.path);
    // The respondent is told who asks, about which support, how long it takes and how answers are used;
    // the internal wave name and the instrument's academic citation are not shown.
    const introduction = page.getByTestId('survey-introduction');
    await expect.poll(() => introduction.isVisible()).toBe(true);
    const organizationName = (await staff.get('/api/session')).body.organizations[0].name as string;
    const engagementName = (await staff.get(`${org}/engagements`)).body.items[0].name as string;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `A few questions from ${organizationName}`,
    );
    const told = await introduction.innerText();
    expect(told).toContain(engagementName);
    expect(told).toMatch(/It takes about \d+ minutes? \(\d+ questions?\)/);
    expect(told).toContain('uses the answers to');
    const pageText = await page.locator('body').innerText();
    expect(pageText).not.toContain('Six-month follow-up');
    expect(pageText).not.toMatch(/Weiner|Implementation Science|doi:/i);
    await page
      .getByRole('radiogroup', { name: /meets our approval/ })
      .getByLabel('Agree', { exact: true })
      .check();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    await page
      .getByRole('radiogroup', { name: /appealing to us/ })
      .getByLabel('Completely agree')
      .check();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');

    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: /appealing to us/ })
          .getByLabel('Completely agree')
          .isChecked(),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/marked required/);
    await page
      .getByRole('radiogroup', { name: /We like/ })
      .getByLabel('Agree', { exact: true })
      .check();
    await page
      .getByRole('radiogroup', { name: /We welcome/ })
      .getByLabel('Neither agree nor disagree')
      .check();
    await page.screenshot({ path: path.join(screenshotDir, 'survey-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect.poll(() => page.getByText('Your answers have been submitted').isVisible()).toBe(true);

    const response = (await staff.get(`${org}/responses/${invitation.response.id}`)).body;
    expect(response).toMatchObject({
      status: 'submitted',
      contactId: null,
      answers: { 'aim-support': { 'aim-1': 4, 'aim-2': 5, 'aim-3': 4, 'aim-4': 3 } },
    });
    expect(response.scores[0]).toMatchObject({ scoreId: 'aim', value: 4 });

    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/already been submitted/);

    const revoked = (await staff.post(`${org}/waves/${waveId}/invitations`, {})).body;
    await staff.post(`${org}/responses/${revoked.response.id}/revoke`);
    const other = await suite.openPage(phone);
    await other.goto(revoked.path);
    await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/withdrawn/);
  });
});

describe('a survey from a REDCap data dictionary', { timeout: 180_000 }, () => {
  test('shows its descriptive fields and section headers as formatted text, and asks no Record ID', async () => {
    const dictionary = readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/redcap/partner-survey-18.csv'),
      'utf8',
    );
    const staff = new Client(suite.server().baseUrl);
    expect((await staff.login(demoAdmin, demoPassword)).status).toBe(200);
    const orgId = (await staff.get('/api/session')).body.organizations[0].id as string;
    const published = await staff.post(`/api/orgs/${orgId}/instruments`, { text: dictionary, format: 'redcap' });
    expect(published.status).toBe(201);
    const { org, waveId } = await planWave({ instrumentId: published.body.id, version: published.body.version });
    const invitation = (await staff.post(`${org}/waves/${waveId}/invitations`, { anonymous: true })).body;
    const page = await suite.openPage(phone);
    await page.goto(invitation.path);

    // The descriptive field "intro" with its section header, in bold and italic as the dictionary writes them.
    const intro = page.getByTestId('block-intro');
    await expect.poll(() => intro.isVisible()).toBe(true);
    const heading = intro.getByRole('heading', { name: 'About the support you received' });
    expect(await heading.locator('strong').textContent()).toBe('About the support you received');
    expect(await intro.locator('em').textContent()).toBe('over the last three months');
    expect(await intro.innerText()).toContain('There are no right or wrong answers');
    // A section header on a question stands above it; the closing descriptive field ends the survey.
    expect(await page.getByRole('heading', { name: 'How often did your ISP ...' }).isVisible()).toBe(true);
    expect(await page.getByTestId('block-closing').innerText()).toBe('Thank you! Your answers help us improve.');
    const pageText = await page.locator('body').innerText();
    expect(pageText).not.toMatch(/<\/?(b|i|p)>/);
    expect(pageText).not.toMatch(/Record ID/i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
