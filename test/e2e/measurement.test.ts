import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Client } from '../support/http.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 740 };

/**
 * A new engagement of the demo organization, with no waves yet (the demo's engagements carry synthetic
 * outcome waves), created through the API the pages use.
 */
async function freshEngagement(): Promise<{ orgId: string; engagementId: string }> {
  const staff = new Client(suite.server().baseUrl);
  expect((await staff.login(demoAdmin, demoPassword)).status).toBe(200);
  const orgId = (await staff.get('/api/session')).body.organizations[0].id as string;
  const [template] = (await staff.get(`/api/orgs/${orgId}/engagements`)).body.items as {
    partnerId: string;
    supportTeam: string[];
    modelId: string;
    modelVersion: string;
  }[];
  if (!template) throw new Error('the demo organization has no engagements');
  const created = await staff.post(`/api/orgs/${orgId}/engagements`, {
    partnerId: template.partnerId,
    name: 'Measurement pilot',
    supportTeam: template.supportTeam,
    startDate: '2026-09-01',
    endDate: null,
    modelId: template.modelId,
    modelVersion: template.modelVersion,
    stages: [],
    goals: ['Measure acceptability of the support'],
  });
  expect(created.status).toBe(201);
  expect((await staff.get(`/api/orgs/${orgId}/engagements/${created.body.id}/waves`)).body.items).toEqual([]);
  return { orgId, engagementId: created.body.id as string };
}

describe('outcome measurement in the browser', { timeout: 180_000 }, () => {
  test('staff plan a wave and create a link, a partner answers on a phone, staff see progress and the score', async () => {
    const { orgId, engagementId } = await freshEngagement();
    const staff = await suite.openPage(desktop);
    await signIn(staff, demoAdmin);

    await staff.getByRole('link', { name: 'Instruments' }).click();
    await staff.getByRole('link', { name: /Acceptability of Intervention Measure/ }).click();
    await staff.getByRole('heading', { level: 1, name: /Acceptability of Intervention Measure/ }).waitFor();
    expect(await staff.getByText('Weiner', { exact: false }).first().isVisible()).toBe(true);

    await staff.goto(`/orgs/${orgId}/engagements/${engagementId}/measurement`);
    await staff.getByRole('heading', { level: 1, name: 'Measurement waves' }).waitFor();
    await staff.getByRole('button', { name: 'Plan a wave' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Plan a wave' });
    await dialog.getByLabel('Name').fill('Baseline check-in');
    await dialog.getByLabel('Scheduled on').fill('2026-11-20');
    await dialog.getByPlaceholder('Pick one or more').click();
    await staff.getByRole('option', { name: /Acceptability of Intervention Measure.*1\.0\.0/ }).click();
    // The picker stays open for more choices; a click elsewhere in the form closes it.
    await dialog.getByLabel('Name').click();
    await dialog.getByLabel('Organization ratings').uncheck();
    await dialog.getByLabel('System ratings').uncheck();
    await dialog.getByRole('button', { name: 'Plan wave' }).click();
    const wave = staff.getByRole('region', { name: 'Wave Baseline check-in' });
    await wave.waitFor();
    expect(await wave.getByText('levels: individual, team').isVisible()).toBe(true);

    await wave.getByRole('button', { name: 'Create survey link' }).click();
    const linkBox = wave.getByRole('textbox', { name: 'New survey link' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    expect(link).toMatch(/\/survey\/\S{40,}$/);
    await expect.poll(() => wave.getByTestId('progress-unused').textContent()).toBe('1');

    const partner = await suite.openPage(phone);
    await partner.goto(new URL(link).pathname);
    await partner.getByRole('heading', { level: 1, name: /^A few questions from / }).waitFor();
    for (const question of [/meets our approval/, /appealing to us/, /We like/, /We welcome/]) {
      await partner.getByRole('radiogroup', { name: question }).getByLabel('Agree', { exact: true }).check();
      await expect.poll(() => partner.getByTestId('save-state').textContent()).toBe('Saved');
    }
    await partner.getByRole('button', { name: 'Submit my answers' }).click();
    await expect.poll(() => partner.getByText('Your answers have been submitted').isVisible()).toBe(true);
    expect(await partner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await staff.reload();
    const reloaded = staff.getByRole('region', { name: 'Wave Baseline check-in' });
    await expect.poll(() => reloaded.getByTestId('progress-submitted').textContent()).toBe('1');
    expect(
      await reloaded
        .getByRole('table', { name: 'Survey links of Baseline check-in' })
        .getByText('submitted', { exact: true })
        .isVisible(),
    ).toBe(true);

    const trajectories = staff.getByRole('region', { name: 'Outcome trajectories' });
    const table = trajectories.getByRole('table', { name: /^Acceptability.* by wave and level$/ });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Individual (respondents)' });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Individual (respondents)',
      expect.stringContaining('Baseline check-in'),
      '1',
      '4.00',
      '—',
      'baseline',
      '',
      '',
    ]);
    expect(
      await trajectories
        .getByRole('img', { name: /^Mean Acceptability.* by wave and level$/ })
        .locator('svg')
        .count(),
    ).toBe(1);
    expect(await trajectories.textContent()).not.toContain('NaN');
    await staff.screenshot({ path: path.join(screenshotDir, 'measurement-waves.png'), fullPage: true });

    await staff.goto(`/orgs/${orgId}/engagements/${engagementId}`);
    const onEngagement = staff.getByRole('region', { name: 'Outcome trajectories' });
    await onEngagement.getByRole('table', { name: /^Acceptability.* by wave and level$/ }).waitFor();
  });
});
