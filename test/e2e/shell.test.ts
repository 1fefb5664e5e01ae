import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { Client } from '../support/http.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, submitSignIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const openPage = suite.openPage;

async function expectNotification(page: Page, text: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
}

describe('web shell in Chromium', () => {
  test(
    'an administrator signs in, moves around, edits the profile, and manages tokens and members',
    { timeout: 120_000 },
    async () => {
      const page = await openPage({ width: 1280, height: 860 });

      // Asking for a page while signed out leads to sign-in, and back to that page after.
      await page.goto('/profile');
      await page.waitForURL(/\/login\?next=%2Fprofile$/);
      await mainHeading(page, 'Sign in').waitFor();
      expect(await page.title()).toBe('Sign in · Praxis');
      await page.screenshot({ path: path.join(screenshotDir, 'login.png') });

      await submitSignIn(page, demoAdmin, 'not-the-password');
      await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();

      await submitSignIn(page, demoAdmin, demoPassword);
      await page.waitForURL('**/profile');
      await mainHeading(page, 'Profile').waitFor();

      const organization = await firstOrganization(page);
      expect(organization.role).toBe('admin');

      // Home page of the organization, reached through the navigation.
      const navigation = page.getByRole('navigation', { name: 'Main' });
      await navigation.getByRole('link', { name: 'Home' }).click();
      await page.waitForURL(`**/orgs/${organization.id}`);
      await mainHeading(page, organization.name).waitFor();
      await page.getByText('Administrator', { exact: true }).waitFor();
      await page.getByRole('heading', { name: "The team's engagements" }).waitFor();
      expect(await page.title()).toBe(`${organization.name} · Praxis`);
      await page.screenshot({ path: path.join(screenshotDir, 'home.png') });
      // What Praxis is, with the model's citation, is one link away.
      await page.getByRole('link', { name: 'About Praxis' }).click();
      await page.getByRole('link', { name: 'doi:10.1177/26334895231179761' }).waitFor();

      await navigation.getByRole('link', { name: 'Practice models' }).click();
      await mainHeading(page, 'Practice models').waitFor();
      expect(await page.title()).toBe(`Practice models · ${organization.name} · Praxis`);
      await page.getByRole('cell', { name: 'EIS theory of change', exact: true }).waitFor();
      // The diagram link opens the model's page at its diagram, drawn in the page.
      await page.getByRole('link', { name: 'Diagram of EIS theory of change' }).click();
      await page.getByRole('heading', { name: 'Theory-of-change diagram' }).waitFor();
      await page.getByTestId('model-diagram').locator('svg').first().waitFor({ timeout: 60_000 });
      await navigation.getByRole('link', { name: 'Practice models' }).click();
      await mainHeading(page, 'Practice models').waitFor();

      await navigation.getByRole('link', { name: 'Members' }).click();
      await mainHeading(page, 'Members').waitFor();
      await page.getByRole('cell', { name: demoAdmin, exact: true }).waitFor();

      // Display name, through the account menu.
      await page.getByRole('button', { name: /^Account menu for / }).click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await mainHeading(page, 'Profile').waitFor();
      await page.getByLabel('Display name').fill('Ada Administrator');
      await page.getByRole('button', { name: 'Save name' }).click();
      await expectNotification(page, 'Your display name is saved.');
      await page.getByRole('button', { name: 'Account menu for Ada Administrator' }).waitFor();

      // A wrong current password is reported beside that field.
      await page.getByLabel('Current password').fill('certainly-wrong-password');
      await page.getByLabel(/^New password/).fill('a-brand-new-password');
      await page.getByLabel('Repeat new password').fill('a-brand-new-password');
      await page.getByRole('button', { name: 'Change password' }).click();
      const currentPassword = page.getByLabel('Current password');
      await page.locator('input[aria-invalid="true"]').first().waitFor();
      expect(await currentPassword.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await currentPassword.getAttribute('aria-describedby')) ?? '';
      const fieldMessage = await page
        .locator(
          describedBy
            .split(' ')
            .map((id) => `[id="${id}"]`)
            .join(','),
        )
        .allTextContents();
      expect(fieldMessage.join(' ')).toMatch(/not correct/i);

      // An API token: its secret is shown once, and it opens the API.
      await navigation.getByRole('link', { name: 'API tokens' }).click();
      await mainHeading(page, 'API tokens').waitFor();
      await page.getByRole('button', { name: 'Create token' }).click();
      const createDialog = page.getByRole('dialog', { name: 'Create API token' });
      await createDialog.getByLabel('Name').fill('nightly export');
      await createDialog.getByRole('button', { name: 'Create token' }).click();
      const secretDialog = page.getByRole('dialog', { name: 'Your new API token' });
      await secretDialog.getByText('You will not see it again.', { exact: false }).waitFor();
      const secret = (await secretDialog.getByTestId('new-token-secret').textContent())?.trim() ?? '';
      expect(secret.length).toBeGreaterThan(20);
      const withToken = await fetch(`${suite.server().baseUrl}/api/orgs/${organization.id}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(withToken.status).toBe(200);
      await secretDialog.getByRole('button', { name: 'Done' }).click();
      await secretDialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'nightly export', exact: true }).waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      await page.getByRole('button', { name: 'Revoke token nightly export' }).click();
      await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke token' }).click();
      await expectNotification(page, 'Token “nightly export” is revoked.');
      await page
        .getByRole('row', { name: /nightly export/ })
        .getByText('revoked')
        .waitFor();
      const afterRevoke = await fetch(`${suite.server().baseUrl}/api/orgs/${organization.id}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(afterRevoke.status).toBe(401);

      // A new member joins by invitation: the link is shown once, and Nia answers it with her own account.
      await navigation.getByRole('link', { name: 'Members' }).click();
      await mainHeading(page, 'Members').waitFor();
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      const inviteDialog = page.getByRole('dialog', { name: 'Invite member' });
      await inviteDialog.getByLabel('Email').fill('nia.practitioner@demo.praxis.test');
      await inviteDialog.getByRole('button', { name: 'Create invitation' }).click();
      const linkDialog = page.getByRole('dialog', { name: 'Invitation link' });
      const link = (await linkDialog.getByTestId('invitation-link').textContent())?.trim() ?? '';
      const token = link.split('/invitation/')[1] ?? '';
      await linkDialog.getByRole('button', { name: 'Done' }).click();
      await page
        .getByRole('list', { name: 'Pending invitations' })
        .getByText('nia.practitioner@demo.praxis.test', { exact: true })
        .waitFor();
      const nia = new Client(suite.server().baseUrl);
      const account = await nia.post(`/api/invitations/${token}/account`, {
        name: 'Nia Practitioner',
        password: 'an-initial-password',
      });
      expect(account.status).toBe(201);
      nia.csrfToken = account.body.csrfToken;
      expect((await nia.post(`/api/invitations/${token}/accept`)).status).toBe(200);
      await page.reload();
      await page.getByRole('cell', { name: 'nia.practitioner@demo.praxis.test', exact: true }).waitFor();

      await page.getByRole('combobox', { name: 'Role of Nia Practitioner' }).click();
      await page.getByRole('option', { name: 'Researcher / evaluator' }).click();
      await expectNotification(page, 'Nia Practitioner is now researcher / evaluator.');

      await page.getByRole('button', { name: 'Remove Nia Practitioner' }).click();
      await page.getByRole('dialog', { name: 'Remove member?' }).getByRole('button', { name: 'Remove member' }).click();
      await expectNotification(page, 'Nia Practitioner is no longer a member.');
      await page
        .getByRole('cell', { name: 'nia.practitioner@demo.praxis.test', exact: true })
        .waitFor({ state: 'detached' });
    },
  );

  test(
    'a practitioner sees no administration, and can start an organization of their own',
    { timeout: 120_000 },
    async () => {
      const page = await openPage({ width: 1280, height: 860 });
      await page.goto('/');
      await page.waitForURL('**/login');
      await submitSignIn(page, 'practitioner@demo.praxis.test', demoPassword);
      await page.waitForURL(/\/orgs\/[^/]+$/);
      const demo = await firstOrganization(page);
      await mainHeading(page, demo.name).waitFor();
      await page.getByText('Implementation support practitioner', { exact: true }).waitFor();

      // On a fresh page load, the first Tab stop skips the header and navigation.
      await page.reload();
      await mainHeading(page, demo.name).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      const navigation = page.getByRole('navigation', { name: 'Main' });
      expect(await navigation.getByRole('link', { name: 'Members' }).count()).toBe(0);
      expect(await navigation.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
      await page.goto(`/orgs/${demo.id}/admin/members`);
      await mainHeading(page, 'Administrators only').waitFor();

      await page.goto('/orgs/no-such-organization');
      await mainHeading(page, 'Not found').waitFor();

      // The organization switcher, by keyboard: open, move to "Create organization", choose it.
      await page.goto(`/orgs/${demo.id}`);
      await mainHeading(page, demo.name).waitFor();
      await page.getByRole('button', { name: /Switch organization$/ }).focus();
      await page.keyboard.press('Enter');
      const createItem = page.getByRole('menuitem', { name: 'Create organization' });
      await createItem.waitFor();
      for (let step = 0; step < 5 && !(await createItem.evaluate((item) => item === document.activeElement)); step++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await mainHeading(page, 'Create organization').waitFor();
      await page.getByLabel(/^Name/).fill('Riverside Support Team');
      await page.getByRole('button', { name: 'Create organization' }).click();
      await expectNotification(page, 'Riverside Support Team is ready.');
      await mainHeading(page, 'Riverside Support Team').waitFor();
      await page.getByText('Administrator', { exact: true }).waitFor();
      // A new organization's home is its setup checklist.
      await page.getByRole('list', { name: 'Setup checklist' }).getByText('Start the first engagement').waitFor();
      await navigation.getByRole('link', { name: 'Members' }).waitFor();

      await page.getByRole('button', { name: /Switch organization$/ }).click();
      await page.getByRole('menuitem', { name: new RegExp(demo.name.replace(/[()]/g, '\\$&')) }).click();
      await mainHeading(page, demo.name).waitFor();

      // When the session ends (here: its cookie is gone), the next request leads back to sign-in.
      await page.context().clearCookies();
      await navigation.getByRole('link', { name: 'Practice models' }).click();
      await mainHeading(page, 'Sign in').waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/orgs/${demo.id}/models`);
    },
  );

  test('on a phone the burger opens the navigation', { timeout: 120_000 }, async () => {
    const page = await openPage({ width: 375, height: 740 });
    await page.goto('/');
    await page.waitForURL('**/login');
    await submitSignIn(page, demoAdmin, demoPassword);
    await page.waitForURL(/\/orgs\/[^/]+$/);
    const organization = await firstOrganization(page);
    await mainHeading(page, organization.name).waitFor();

    const modelsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice models' });
    expect(await modelsLink.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotDir, 'home-phone.png'), fullPage: true });

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await modelsLink.waitFor({ state: 'visible' });
    // The navbar slides in; wait until it rests on screen.
    await page.waitForFunction(() => document.getElementById('main-navigation')?.getBoundingClientRect().left === 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDir, 'navigation-phone.png') });
    await modelsLink.click();
    await mainHeading(page, 'Practice models').waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
