import type { Page } from 'playwright-core';
import { demoPassword } from './demo-accounts.ts';

/** Signs in through the login page (a demo account by default) and waits for the organization's pages. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/orgs\//);
}
