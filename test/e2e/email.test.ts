import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '../support/http.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { signIn } from './support/sign-in.ts';

const publicUrl = 'https://praxis.example.org';
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  smtp.refuse('dee.refused@example.org', 'Mailbox unavailable');
});
afterAll(() => smtp.close());

const suite = useBrowserSuite(() => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  EMAIL_FROM: 'Praxis <praxis@example.org>',
  PUBLIC_URL: publicUrl,
}));
const phone = { width: 375, height: 800 };

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A new engagement of the demo organization with two contacts who have email addresses, and a wave of a survey in English and Spanish. */
async function waveWithContacts(): Promise<{ orgId: string; engagementId: string; partnerId: string }> {
  const staff = new Client(suite.server().baseUrl);
  expect((await staff.login(demoAdmin, demoPassword)).status).toBe(200);
  const orgId = (await staff.get('/api/session')).body.organizations[0].id as string;
  const org = `/api/orgs/${orgId}`;
  const [template] = (await staff.get(`${org}/engagements`)).body.items as {
    supportTeam: string[];
    modelId: string;
    modelVersion: string;
  }[];
  const partner = await staff.post(`${org}/partners`, { name: 'Email pilot agency', kind: 'organization' });
  expect(partner.status).toBe(201);
  for (const [name, email] of [
    ['Ana Email', 'ana.email@example.org'],
    ['Dee Refused', 'dee.refused@example.org'],
  ])
    expect(
      (await staff.post(`${org}/contacts`, { partnerId: partner.body.id, name, email, level: 'individual' })).status,
    ).toBe(201);
  const engagement = await staff.post(`${org}/engagements`, {
    partnerId: partner.body.id,
    name: 'Email pilot',
    supportTeam: template!.supportTeam,
    startDate: '2026-09-01',
    endDate: null,
    modelId: template!.modelId,
    modelVersion: template!.modelVersion,
    stages: [],
    goals: ['Reach partners by email'],
  });
  expect(engagement.status).toBe(201);
  const wave = await staff.post(`${org}/engagements/${engagement.body.id}/waves`, {
    name: 'Email wave',
    kind: 'baseline',
    scheduledOn: '2026-12-01',
    instruments: [{ instrumentId: 'support-experience', version: '1.0.0' }],
  });
  expect(wave.status).toBe(201);
  return { orgId, engagementId: engagement.body.id as string, partnerId: partner.body.id as string };
}

describe('email from the wave page in the browser', { timeout: 180_000 }, () => {
  test('staff set a contact’s language on a phone, and the contact’s invitation comes in it', async () => {
    const { orgId, engagementId, partnerId } = await waveWithContacts();
    const page = await suite.openPage(phone);
    await signIn(page, demoAdmin);

    // The contact form names a language code that is not one, then keeps Spanish.
    await page.goto(`/orgs/${orgId}/partners/${partnerId}`);
    await page.getByRole('button', { name: 'Edit Ana Email' }).click();
    const form = page.getByRole('form', { name: 'Edit contact' });
    const language = form.getByLabel('Preferred language');
    await language.fill('sp');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await form.getByText('"sp" is not a known language code').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await language.fill('es');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await form.waitFor({ state: 'detached' });
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await expect.poll(() => contacts.getByRole('row', { name: /Ana Email/ }).textContent()).toContain('Spanish');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The wave page sends in each contact's own language unless told otherwise.
    await page.goto(`/orgs/${orgId}/engagements/${engagementId}/measurement`);
    const email = page.getByRole('region', { name: 'Email for Email wave' });
    await email.waitFor();
    expect(await email.getByLabel('Language', { exact: true }).first().inputValue()).toBe(
      "Each contact's own language",
    );
    await email.getByRole('checkbox', { name: 'Choose Ana Email' }).check();
    await email.getByRole('checkbox', { name: 'Choose Dee Refused' }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await email.getByRole('button', { name: 'Send invitations' }).click();

    const ana = email.getByTestId('email-row-Ana Email');
    const dee = email.getByTestId('email-row-Dee Refused');
    await expect.poll(() => dee.textContent(), { timeout: 20_000 }).toContain('failed');
    await expect.poll(() => ana.getByText('sent', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect(await ana.textContent()).toContain('In Spanish.');
    expect(await dee.textContent()).toContain('The server said: 550 Mailbox unavailable.');
    expect(await dee.textContent()).toContain('In English.');
    expect(smtp.received.map((m) => m.to)).toEqual([['ana.email@example.org']]);
    expect(smtp.received[0]!.subject).toMatch(/^Encuesta: Email wave/);

    // The whole page, with the notification that confirms the sending still shown.
    await page.getByRole('button', { name: 'Close the notification' }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Ana's link opens the survey in Spanish.
    const link = new RegExp(`${publicUrl}(/survey/\\S+\\?lang=es)`).exec(smtp.received[0]!.text);
    expect(link).not.toBeNull();
    const survey = await suite.openPage(phone);
    await survey.goto(link![1]!);
    await survey.getByRole('button', { name: 'Enviar mis respuestas' }).waitFor();
    expect(await survey.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  test('the unsubscribe link asks, then confirms, on a phone', async () => {
    const token = /\/unsubscribe\/(\S+)/.exec(smtp.received[0]!.text)![1]!;
    const page = await suite.openPage(phone);
    await page.goto(`/unsubscribe/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Unsubscribe' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByText('You are unsubscribed.').waitFor();
    expect(await page.getByText('ana.email@example.org gets no more email').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
