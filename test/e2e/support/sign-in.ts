import type { Page } from 'playwright-core';
import { demoPassword } from './demo-accounts.ts';

/** Fills the sign-in form on the page it is on and submits it; the caller waits for what follows. */
export async function submitSignIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the login page (a demo account by default) and waits for the organization's pages. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await submitSignIn(page, email, password);
  await page.waitForURL(/\/orgs\//);
}

export interface SessionOrganization {
  id: string;
  name: string;
  role: string;
}

/** The first organization of the signed-in account, as the session reports it. */
export async function firstOrganization(page: Page): Promise<SessionOrganization> {
  const session = (await page.evaluate(async () => (await fetch('/api/session')).json())) as {
    user: { email: string };
    organizations: SessionOrganization[];
  };
  const organization = session.organizations[0];
  if (!organization) throw new Error(`${session.user.email} belongs to no organization`);
  return organization;
}

/** Signs in and returns the id of the account's first organization. */
export async function signInToOrganization(page: Page, email: string, password = demoPassword): Promise<string> {
  await signIn(page, email, password);
  return (await firstOrganization(page)).id;
}
