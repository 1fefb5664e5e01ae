import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 740 };

async function expectNotification(page: Page, text: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
}

/** Invites an email from the Members page and returns the link the dialog shows once. */
async function inviteFromMembersPage(page: Page, email: string, roleLabel: string): Promise<string> {
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite member' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('combobox', { name: /^Role/ }).click();
  await page.getByRole('option', { name: roleLabel }).click();
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Invitation link' });
  await linkDialog.getByText('You will not see it again.', { exact: false }).waitFor();
  const link = (await linkDialog.getByTestId('invitation-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/invitation\/[\w-]{43}$/);
  expect(await seriousAccessibilityViolations(page, '[role="dialog"]')).toEqual([]);
  await linkDialog.getByRole('button', { name: 'Done' }).click();
  await linkDialog.waitFor({ state: 'hidden' });
  expect(await page.getByText(link).count()).toBe(0);
  return link;
}

describe('invitations in Chromium', () => {
  test(
    'an administrator invites a new person, who creates an account on a phone and accepts',
    { timeout: 180_000 },
    async () => {
      const admin = await suite.openPage({ width: 1280, height: 860 });
      await signIn(admin, demoAdmin, demoPassword);
      const organization = await firstOrganization(admin);
      await admin.goto(`/orgs/${organization.id}/admin/members`);
      await mainHeading(admin, 'Members').waitFor();
      const email = 'ines.invited@example.org';
      const link = await inviteFromMembersPage(admin, email, 'Researcher / evaluator');

      const pending = admin.getByRole('list', { name: 'Pending invitations' });
      await pending.getByText(email, { exact: true }).waitFor();
      expect(await admin.getByRole('cell', { name: email, exact: true }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(admin, 'main')).toEqual([]);

      const invitee = await suite.openPage(phone);
      await invitee.goto(link);
      await mainHeading(invitee, 'Invitation to Praxis').waitFor();
      await invitee.getByText(organization.name, { exact: true }).waitFor();
      await invitee.getByText('researcher / evaluator', { exact: true }).waitFor();
      expect(await invitee.title()).toBe('Invitation · Praxis');
      expect(await seriousAccessibilityViolations(invitee)).toEqual([]);
      expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
      await invitee.screenshot({ path: path.join(screenshotDir, 'invitation-phone.png'), fullPage: true });
      expect(await invitee.getByRole('button', { name: 'Accept and join' }).count()).toBe(0);

      await invitee.getByLabel('Your name').fill('Ines Invited');
      await invitee.getByLabel(/^Choose a password/).fill('short');
      await invitee.getByRole('button', { name: 'Create account' }).click();
      await invitee
        .getByText(/at least 10 characters/i)
        .first()
        .waitFor();
      await invitee.getByLabel(/^Choose a password/).fill('a password of my own');
      await invitee.getByRole('button', { name: 'Create account' }).click();
      const acceptButton = invitee.getByRole('button', { name: 'Accept and join' });
      await acceptButton.waitFor();
      expect(await seriousAccessibilityViolations(invitee)).toEqual([]);
      await acceptButton.click();
      await invitee.waitForURL(`**/orgs/${organization.id}`);
      await mainHeading(invitee, organization.name).waitFor();
      await invitee.getByText('Researcher / evaluator', { exact: true }).first().waitFor();

      await admin.reload();
      await admin.getByRole('cell', { name: email, exact: true }).waitFor();
      expect(await admin.getByRole('list', { name: 'Pending invitations' }).count()).toBe(0);

      // The link is used up.
      const again = await suite.openPage(phone);
      await again.goto(link);
      await again.getByText('This invitation is not available').waitFor();
      await again.getByText(/already been accepted/).waitFor();
    },
  );

  test(
    'someone signed in with another email cannot accept, and a revoked link says so',
    { timeout: 180_000 },
    async () => {
      const admin = await suite.openPage({ width: 1280, height: 860 });
      await signIn(admin, demoAdmin, demoPassword);
      const organization = await firstOrganization(admin);
      await admin.goto(`/orgs/${organization.id}/admin/members`);
      await mainHeading(admin, 'Members').waitFor();
      const email = 'omar.other@example.org';
      const link = await inviteFromMembersPage(admin, email, 'Partner');

      const someoneElse = await suite.openPage(phone);
      await signIn(someoneElse, 'practitioner@demo.praxis.test', demoPassword);
      await someoneElse.goto(link);
      await someoneElse.getByText('You are signed in with another email').waitFor();
      await someoneElse.getByText(`this invitation is for ${email}`, { exact: false }).waitFor();
      expect(await someoneElse.getByRole('button', { name: 'Accept and join' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(someoneElse)).toEqual([]);

      await admin.getByRole('button', { name: `Revoke the invitation of ${email}` }).click();
      await admin
        .getByRole('dialog', { name: 'Revoke invitation?' })
        .getByRole('button', { name: 'Revoke invitation' })
        .click();
      await expectNotification(admin, `The invitation of ${email} is revoked.`);
      await admin.getByText(email, { exact: true }).waitFor({ state: 'detached' });

      const afterRevoke = await suite.openPage(phone);
      await afterRevoke.goto(link);
      await afterRevoke.getByText('This invitation is not available').waitFor();
      await afterRevoke.getByText('This invitation has been withdrawn by the organization that sent it').waitFor();
    },
  );
});
