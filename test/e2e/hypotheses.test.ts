import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evidenceColors } from '../../src/domain/hypotheses/schemas.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { signInToOrganization } from './support/sign-in.ts';

const demoResearcher = 'researcher@demo.praxis.test';
const demoPractitioner = 'practitioner@demo.praxis.test';
const { openPage } = useBrowserSuite();

async function choose(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.locator('input:visible').and(page.getByLabel(new RegExp(`^${label}( \\*)?$`)));
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('hypotheses in Chromium', () => {
  test(
    'a researcher registers, locks and runs a hypothesis on the synthetic demo measurements and sees the evidence on the model',
    { timeout: 240_000 },
    async () => {
      const page = await openPage({ width: 1280, height: 900 });
      const orgId = await signInToOrganization(page, demoResearcher);

      await page.getByRole('link', { name: 'Hypotheses' }).click();
      await mainHeading(page, 'Hypotheses').waitFor();
      await page.getByText('No hypotheses yet.').waitFor();
      await page.getByRole('link', { name: 'Register a hypothesis' }).click();
      await mainHeading(page, 'Register a hypothesis').waitFor();

      // A registration the server refuses names its fields on the form.
      await page.getByRole('button', { name: 'Register draft' }).click();
      await page.getByText('The registration was not saved').waitFor();

      await page.getByLabel('Title').fill('Tailoring raises acceptability');
      await page
        .getByLabel('Statement')
        .fill(
          'More tailoring minutes in months 1–3 predict a larger rise in AIM acceptability from baseline to month 6.',
        );
      await choose(
        page,
        'Model link',
        'Tailoring strategies',
        /^Tailoring strategies to context → outcome expectations → experience of support/,
      );
      await page.getByLabel('To month').fill('3');
      await page.getByRole('button', { name: 'Register draft' }).click();

      await page.waitForURL(/\/hypotheses\/[0-9a-f-]{36}$/);
      await mainHeading(page, 'Tailoring raises acceptability').waitFor();
      expect(await page.getByTestId('hypothesis-status').innerText()).toMatch(/draft/i);
      expect(await page.getByRole('main').innerText()).toContain(
        'minutes of tailoring in months 1–3 of the relationship',
      );

      await page.getByRole('button', { name: 'Lock registration' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lock' }).click();
      await page.getByTestId('lock-details').waitFor();
      expect(await page.getByTestId('lock-details').innerText()).toMatch(
        /Locked .+; SHA-256 of the canonical registration \(RFC 8785\): [0-9a-f]{64}/,
      );
      expect(await page.getByTestId('hypothesis-status').innerText()).toMatch(/locked/i);

      await page.getByRole('button', { name: 'Run now' }).click();
      const report = page.getByTestId('hypothesis-result');
      await report.waitFor();
      const text = await report.innerText();
      expect(text).toContain("Spearman's rank correlation rho");
      expect(text).toContain('as R cor.test(method = "spearman")');
      expect(text).toMatch(/n\s+13 ; engagements used 13 of 13|n\s+13; engagements used 13 of 13/);
      expect(text).toMatch(/p \(two-sided\) vs alpha\s+[<\d.]+.* vs α = 0\.05/);
      expect(text).toMatch(/Spearman ρ = -?[\d.]+ \(95% CI /);
      expect(text).toMatch(/registration sha256 [0-9a-f]{64}/);
      expect(await page.getByRole('main').innerText()).not.toMatch(/NaN|undefined|Infinity/);
      await page.screenshot({ path: path.join(screenshotDir, 'hypothesis-result.png'), fullPage: true });

      await page.getByRole('link', { name: 'Hypotheses' }).click();
      await page
        .getByRole('table', { name: 'Hypotheses' })
        .getByRole('link', { name: 'Tailoring raises acceptability' })
        .waitFor();
      await page.locator('[data-testid="evidence-diagram"] svg').first().waitFor();
      const eisEvidence = page.getByRole('region', { name: /^Evidence on the links of EIS/ });
      const legend = await eisEvidence.getByRole('list', { name: 'Evidence legend' }).innerText();
      for (const word of ['Supported', 'Contradicted', 'Inconclusive', 'Untested']) expect(legend).toContain(word);
      const verdict = (
        await page.evaluate(
          async (id) =>
            (await (await fetch(`/api/orgs/${id}/hypotheses`)).json()) as {
              items: Array<{ latestRun: { verdict: keyof typeof evidenceColors } }>;
            },
          orgId,
        )
      ).items[0]!.latestRun.verdict;
      // The diagram cached from the first visit is redrawn once the list learns of the run.
      const diagramSvg = () => eisEvidence.getByTestId('evidence-diagram').innerHTML();
      await expect.poll(diagramSvg, { timeout: 20_000 }).toContain(`stroke="${evidenceColors[verdict]}"`);
      const svg = await diagramSvg();
      expect(svg).toContain(evidenceColors.untested);
      await page.screenshot({ path: path.join(screenshotDir, 'hypotheses.png'), fullPage: true });
    },
  );

  test(
    'too little data gives a clear message, and a practitioner cannot see hypotheses',
    { timeout: 180_000 },
    async () => {
      const page = await openPage({ width: 1280, height: 900 });
      const orgId = await signInToOrganization(page, demoResearcher);
      // Registered and locked over the API: the outcome wave at month 24 was never given.
      const id = await page.evaluate(async (org) => {
        const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const post = (url: string, body: unknown) =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify(body),
          }).then((r) => r.json());
        const created = await post(`/api/orgs/${org}/hypotheses`, {
          title: 'Coaching and self-efficacy at two years',
          statement: 'Coaching minutes in months 1–12 predict self-efficacy at month 24.',
          model: { id: 'eis-toc', version: '1.0.0' },
          linkId: 'coaching-via-self-efficacy-to-implementation-self-efficacy',
          predictor: { components: ['coaching'], months: { from: 1, to: 12 } },
          outcome: { outcomeId: 'implementation-self-efficacy', level: 'individual', measure: 'score', atMonth: 24 },
          direction: 'positive',
          test: 'ols-cr1',
        });
        await post(`/api/orgs/${org}/hypotheses/${created.id}/lock`, { version: 1 });
        return created.id as string;
      }, orgId);
      await page.goto(`/orgs/${orgId}/hypotheses/${id}`);
      await page.getByRole('button', { name: 'Run now' }).click();
      await page.getByText('Too little data for the registered test').first().waitFor();
      const text = await page.getByTestId('hypothesis-result').innerText();
      expect(text).toContain('no engagement has the registered outcome measured in the registered window');
      expect(text).toMatch(/untested/i);
      expect(text).toContain('OLS with CR1 cluster-robust SE by engagement');
      expect(await page.getByRole('main').innerText()).not.toMatch(/NaN|undefined/);

      const practitioner = await openPage({ width: 390, height: 800 });
      const practitionerOrg = await signInToOrganization(practitioner, demoPractitioner);
      expect(await practitioner.getByRole('link', { name: 'Hypotheses' }).count()).toBe(0);
      await practitioner.goto(`/orgs/${practitionerOrg}/hypotheses`);
      await practitioner.getByText('Only researchers, leads and administrators').waitFor();
    },
  );
});
