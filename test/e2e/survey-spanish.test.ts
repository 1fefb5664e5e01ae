import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Client } from '../support/http.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin, demoPassword } from './support/demo-accounts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 740 };

/** Signs in as the demo administrator and plans a wave with the support-experience survey, which has a Spanish translation. */
async function planWave(): Promise<{ staff: Client; org: string; waveId: string; organizationName: string }> {
  const staff = new Client(suite.server().baseUrl);
  expect((await staff.login(demoAdmin, demoPassword)).status).toBe(200);
  const organization = (await staff.get('/api/session')).body.organizations[0];
  const org = `/api/orgs/${organization.id}`;
  const engagement = (await staff.get(`${org}/engagements`)).body.items[0];
  const wave = await staff.post(`${org}/engagements/${engagement.id}/waves`, {
    name: 'Encuesta de seguimiento',
    kind: 'follow-up',
    scheduledOn: '2021-06-01',
    instruments: [{ instrumentId: 'support-experience', version: '1.0.0' }],
  });
  expect(wave.status).toBe(201);
  return { staff, org, waveId: wave.body.id, organizationName: organization.name as string };
}

const fitsTheScreen = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the partner survey in Spanish on a phone', { timeout: 180_000 }, () => {
  test('a link with ?lang=es shows the page and the questions in Spanish, passes axe at 375 px and submits', async () => {
    const { staff, org, waveId, organizationName } = await planWave();
    const invitation = (await staff.post(`${org}/waves/${waveId}/invitations`, { anonymous: true })).body;
    const page = await suite.openPage(phone, { locale: 'en-US' });
    await page.goto(`${invitation.path}?lang=es`);

    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(`Unas preguntas de ${organizationName}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const told = await page.getByTestId('survey-introduction').innerText();
    expect(told).toMatch(/Responder lleva unos \d+ minutos? \(6 preguntas\)/);
    expect(told).toContain('Esta encuesta es anónima');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Experiencia del apoyo');
    expect(await page.getByRole('button', { name: 'Enviar mis respuestas' }).isVisible()).toBe(true);
    expect(await page.getByTestId('language-switcher').innerText()).toMatch(/English[\s\S]*Español/);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);

    const answer = async (question: RegExp, label: string) => {
      await page.getByRole('radiogroup', { name: question }).getByLabel(label, { exact: true }).check();
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Guardado');
    };
    await answer(/Podemos contactar/, 'De acuerdo');
    await answer(/bien preparadas/, 'Totalmente de acuerdo');
    await answer(/herramientas y los materiales/, 'Ni de acuerdo ni en desacuerdo');
    await answer(/como socios/, 'De acuerdo');

    // One required question left: the page says so in Spanish, with the question marked.
    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toBe('Responda la pregunta marcada como obligatoria; sus respuestas hasta ahora están guardadas.');
    expect(await page.getByText('Esta pregunta necesita una respuesta.').isVisible()).toBe(true);
    await answer(/tan a menudo como lo necesitamos/, 'En desacuerdo');
    await page.getByLabel(/algo más que quiera decirnos/).fill('Muy útil.');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Guardado');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'survey-phone-spanish.png'), fullPage: true });

    await page.getByRole('button', { name: 'Enviar mis respuestas' }).click();
    await expect.poll(() => page.getByText('Sus respuestas se han enviado.').isVisible()).toBe(true);

    const response = (await staff.get(`${org}/responses/${invitation.response.id}`)).body;
    expect(response).toMatchObject({
      status: 'submitted',
      language: 'es',
      answers: {
        'support-experience': {
          accessibility: 4,
          'quality-of-delivery': 5,
          'use-of-materials': 3,
          collaboration: 4,
          'contact-frequency': 2,
          comment: 'Muy útil.',
        },
      },
    });
    const experience = response.scores.find((s: { scoreId: string }) => s.scoreId === 'experience');
    expect(experience.value).toBeCloseTo(3.6, 10);

    // A used link says so in the language of the link.
    await page.reload();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Esta encuesta ya se ha enviado; gracias.');
  });

  test('the browser’s language chooses Spanish without a parameter, and the respondent can switch to English', async () => {
    const { staff, org, waveId, organizationName } = await planWave();
    const invitation = (await staff.post(`${org}/waves/${waveId}/invitations`, { anonymous: true })).body;
    const page = await suite.openPage(phone, { locale: 'es-MX' });
    await page.goto(invitation.path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(`Unas preguntas de ${organizationName}`);

    await page.getByTestId('language-switcher').getByText('English').click();
    await expect.poll(() => heading.textContent()).toBe(`A few questions from ${organizationName}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect
      .poll(async () => (await staff.get(`${org}/responses/${invitation.response.id}`)).body.language)
      .toBe('en');
    await page
      .getByRole('radiogroup', { name: /We can reach our support team/ })
      .getByLabel('Agree', { exact: true })
      .check();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);

    // The choice is kept with the response: a new visit starts in English even in a Spanish browser.
    const again = await suite.openPage(phone, { locale: 'es-MX' });
    await again.goto(invitation.path);
    await expect
      .poll(() => again.getByRole('heading', { level: 1 }).textContent())
      .toBe(`A few questions from ${organizationName}`);
  });

  test('the instrument page names the languages an instrument is written and translated in', async () => {
    const page = await suite.openPage(phone);
    await signIn(page, demoAdmin);
    const organization = await firstOrganization(page);
    await page.goto(`/orgs/${organization.id}/instruments/support-experience`);
    const languages = page.getByRole('region', { name: 'Languages' });
    await expect.poll(() => languages.isVisible()).toBe(true);
    const text = await languages.innerText();
    expect(text).toContain('Written in English.');
    expect(text).toContain('Translated into Spanish: Synthetic Spanish translation made for the Praxis demo');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
  });
});
