import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pdfTextRuns } from '../support/pdf-text.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();
const phone = { width: 375, height: 800 };
const account = (role: string) => `${role}@demo.praxis.test`;

interface FormView {
  engagement: { id: string; name: string };
  components: { id: string; name: string; activities: { id: string; label: string }[] }[];
  principles: { id: string; name: string }[];
}
interface Person {
  userId: string;
  name: string;
}

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const response = await fetch(u);
    if (!response.ok) throw new Error(`${u}: ${response.status}`);
    return response.json();
  }, url) as Promise<T>;
}

/** A Mantine select by its label (an input Chromium reports as a combobox or a textbox). */
const selectBox = (page: Page, name: string) =>
  page
    .getByRole('combobox', { name, exact: true })
    .or(page.getByRole('textbox', { name, exact: true }))
    .first();

/** Follows a link of the main navigation, opened from its menu button on a phone. */
async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** The page fits a phone (nothing wider than the viewport) and axe finds no serious or critical violation. */
async function expectPhoneReady(page: Page, shot: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: path.join(screenshotDir, `coaching-${shot}.png`), fullPage: true });
}

describe('coaching in Chromium at 375 px', () => {
  test(
    'a lead reviews an interaction, the practitioner acknowledges and replies, a stale change keeps what was typed, and the lead observes a session',
    { timeout: 360_000 },
    async () => {
      // ---- The lead reviews a practitioner's logged interaction ----------------------------------
      const lead = await suite.openPage(phone);
      await signIn(lead, account('lead'));
      const organization = await firstOrganization(lead);
      const org = `/orgs/${organization.id}`;
      const apiOrg = `/api/orgs/${organization.id}`;
      const session = await api<{ user: { id: string } }>(lead, '/api/session');
      const coached = await api<{ items: (Person & { self: boolean })[] }>(lead, `${apiOrg}/coaching/practitioners`);
      const practitionerPage = await suite.openPage(phone);
      await signIn(practitionerPage, account('practitioner'));
      const practitionerId = (await api<{ user: { id: string } }>(practitionerPage, '/api/session')).user.id;
      const practitioner = coached.items.find((p) => p.userId === practitionerId);
      if (!practitioner) throw new Error('the demo lead does not coach the demo practitioner');
      const logged = await api<{ items: { id: string; engagementId: string; components: unknown[] }[] }>(
        lead,
        `${apiOrg}/interactions?loggedBy=${practitioner.userId}&limit=20`,
      );
      const interaction = logged.items.find((i) => i.components.length > 0);
      if (!interaction) throw new Error(`${practitioner.name} has logged no interaction with components`);
      const form = await api<FormView>(
        lead,
        `${apiOrg}/coaching/observation-form?engagementId=${interaction.engagementId}`,
      );

      await lead.goto(`${org}/interactions/${interaction.id}`);
      await lead.getByRole('link', { name: 'Review practice' }).click();
      await mainHeading(lead, 'Review of practice').waitFor();
      const firstCard = lead.locator('.mantine-Paper-root').first();
      const componentName = (await firstCard.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
      const component = form.components.find((c) => c.name === componentName);
      if (!component) throw new Error(`no component named ${componentName}`);
      const activity = component.activities[0]!;
      await lead
        .getByRole('radiogroup', { name: activity.label })
        .getByRole('radio', { name: 'Done as defined' })
        .check();
      await selectBox(lead, `Quality of ${component.name}`).click();
      await lead.getByRole('option', { name: '4 — proficient' }).click();
      await lead.getByRole('textbox', { name: `Comment on ${component.name}` }).fill('Roles agreed before the agenda.');
      const feedback = `Name the owner of each next step before closing (${Date.now()})`;
      await lead.getByRole('textbox', { name: 'Feedback to the practitioner' }).fill(feedback);
      await expectPhoneReady(lead, 'review-form');
      await lead.getByRole('button', { name: 'Save review' }).click();
      await lead.waitForURL(new RegExp(`${org}/coaching/${practitioner.userId}$`));
      const leadCard = lead.locator('.mantine-Paper-root').filter({ hasText: feedback });
      await leadCard.getByText(`${component.name}: quality 4 — proficient`).waitFor();
      // The card names the activity in the words of the interaction's model version, not by its id.
      await leadCard.getByText(`${activity.label}: Done as defined`).waitFor();
      expect(await leadCard.getByText(`${activity.id}: Done as defined`).count()).toBe(0);
      await leadCard.getByText('new', { exact: true }).waitFor();

      // ---- The practitioner reads it, acknowledges and replies -----------------------------------
      await navigate(practitionerPage, 'Coaching');
      await mainHeading(practitionerPage, 'Coaching').waitFor();
      await expectPhoneReady(practitionerPage, 'practitioner-list');
      await practitionerPage.getByRole('link', { name: `${practitioner.name} (you)` }).click();
      await mainHeading(practitionerPage, `Coaching: ${practitioner.name}`).waitFor();
      const myCard = practitionerPage.locator('.mantine-Paper-root').filter({ hasText: feedback });
      await myCard.getByText(`Feedback: ${feedback}`).waitFor();
      const reply = 'Thanks: I will close with owners and dates from now on.';
      await myCard.getByRole('textbox', { name: 'Your reply' }).fill(reply);
      await myCard.getByRole('button', { name: 'Acknowledge and reply' }).click();
      await myCard.getByText('acknowledged', { exact: true }).waitFor();
      await expectPhoneReady(practitionerPage, 'practitioner-record');

      // The lead sees the reply.
      await lead.reload();
      await leadCard.getByText(`Reply: ${reply}`).waitFor();
      await leadCard.getByText('acknowledged', { exact: true }).waitFor();

      // ---- A stale change of the review is refused and loses nothing typed ----------------------
      await leadCard.getByRole('link', { name: 'Change this review' }).click();
      await mainHeading(lead, 'Change a review of practice').waitFor();
      await expectPhoneReady(lead, 'review-change');
      const reviewId = new URL(lead.url()).searchParams.get('review')!;
      // Meanwhile an admin changes the same review (another tab, another person).
      const admin = await suite.openPage(phone);
      await signIn(admin, account('admin'));
      const adminStatus = await admin.evaluate(
        async ({ url, text }) => {
          const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
          const saved = (await (await fetch(url)).json()) as {
            interactionId: string;
            ratings: unknown[];
            version: number;
          };
          const response = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({
              interactionId: saved.interactionId,
              ratings: saved.ratings,
              feedback: text,
              version: saved.version,
            }),
          });
          return response.status;
        },
        { url: `${apiOrg}/coaching/reviews/${reviewId}`, text: 'Changed by the admin meanwhile.' },
      );
      expect(adminStatus).toBe(200);

      const mine = `${feedback} Also: well done on the check-in.`;
      const feedbackBox = lead.getByRole('textbox', { name: 'Feedback to the practitioner' });
      await feedbackBox.fill(mine);
      await lead.getByRole('textbox', { name: `Comment on ${component.name}` }).fill('Changed comment, kept.');
      await lead.getByRole('button', { name: 'Save changes' }).click();
      await lead.getByText('Someone saved this review while you were editing').waitFor();
      // Nothing typed is lost: the form still holds it, and the comparison shows both versions.
      expect(await feedbackBox.inputValue()).toBe(mine);
      expect(await lead.getByRole('textbox', { name: `Comment on ${component.name}` }).inputValue()).toBe(
        'Changed comment, kept.',
      );
      const feedbackRow = lead
        .getByRole('table', { name: 'Your version and the saved version' })
        .getByRole('row')
        .filter({ hasText: 'Feedback' });
      expect(await feedbackRow.getAttribute('data-differs')).toBe('true');
      await feedbackRow.getByText('Changed by the admin meanwhile.').waitFor();
      await expectPhoneReady(lead, 'review-stale');
      await lead.getByRole('button', { name: 'Keep mine' }).click();
      await lead.waitForURL(new RegExp(`${org}/coaching/${practitioner.userId}$`));
      const changedCard = lead.locator('.mantine-Paper-root').filter({ hasText: mine });
      await changedCard.getByText('Changed comment, kept.').waitFor();
      // A changed review asks to be acknowledged again; the reply stays.
      await changedCard.getByText('new', { exact: true }).waitFor();
      await changedCard.getByText(`Reply: ${reply}`).waitFor();
      const history = await api<{ items: { action: string; actor: string }[] }>(
        lead,
        `${apiOrg}/coaching/reviews/${reviewId}/history`,
      );
      expect(history.items.map((h) => h.action)).toEqual(['create', 'update', 'update', 'update']);
      expect(history.items.at(-1)!.actor).toBe(session.user.id);

      // ---- Competency over time and the team view -----------------------------------------------
      await lead.getByRole('heading', { name: 'Competency over time' }).waitFor();
      await selectBox(lead, 'Component').click();
      await lead.getByRole('option', { name: component.name, exact: true }).click();
      await lead
        .getByRole('img', {
          name: `${component.name}: coach ratings and self-ratings of ${practitioner.name}`,
          exact: false,
        })
        .first()
        .waitFor();
      await lead.getByText(/^\d+ coach ratings, \d+ self-ratings, \d+ minutes practised in \d+ months\.$/).waitFor();
      await expectPhoneReady(lead, 'competency');
      await navigate(lead, 'Coaching');
      await mainHeading(lead, 'Coaching').waitFor();
      const team = lead.getByRole('table', { name: 'Team competency' });
      const row = team.getByRole('row').filter({ has: lead.getByRole('rowheader', { name: practitioner.name }) });
      await row.waitFor();
      expect(await row.getByRole('cell').count()).toBe((await team.getByRole('columnheader').count()) - 1);
      expect(
        await row
          .getByRole('cell')
          .filter({ hasText: /^[1-5]( [↑↓→]\d*)? · \d+ min$/ })
          .count(),
      ).toBeGreaterThan(0);
      await expectPhoneReady(lead, 'team-view');

      // ---- The lead observes a session on the engagement's form, and prints it ------------------
      await lead.goto(`${org}/engagements/${interaction.engagementId}`);
      await lead.getByRole('link', { name: 'Observe a session' }).click();
      await mainHeading(lead, 'Observation of practice').waitFor();
      await expectPhoneReady(lead, 'observation-form');
      const pdfHref = await lead.getByRole('link', { name: 'Printable form (PDF)' }).getAttribute('href');
      const pdf = await lead.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const text = (await pdfTextRuns(new Uint8Array(await pdf.body()))).join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('Observation of practice');
      expect(text).toContain(form.engagement.name);
      for (const c of form.components) expect(text).toContain(c.name);
      expect(text).toContain(activity.label);
      expect(text).toContain('Done as defined');
      for (const p of form.principles) expect(text).toContain(p.name);

      const before = await api<{ observations: unknown[] }>(
        lead,
        `${apiOrg}/coaching/practitioners/${practitioner.userId}`,
      );
      await selectBox(lead, 'Practitioner observed').click();
      await lead.getByRole('option', { name: practitioner.name }).click();
      await lead.getByRole('checkbox', { name: component.name, exact: true }).check();
      await lead
        .getByRole('radiogroup', { name: activity.label })
        .getByRole('radio', { name: 'Partly', exact: true })
        .check();
      await selectBox(lead, `Quality of ${component.name}`).click();
      await lead.getByRole('option', { name: '3 — developing' }).click();
      const principle = form.principles[0]!;
      await lead
        .getByRole('radiogroup', { name: principle.name })
        .getByRole('radio', { name: 'Evident', exact: true })
        .check();
      await lead
        .getByRole('textbox', { name: 'Notes' })
        .fill('Observed the planning meeting from the back of the room.');
      await expectPhoneReady(lead, 'observation-filled');
      await lead.getByRole('button', { name: 'Save observation' }).click();
      await lead.waitForURL(new RegExp(`${org}/coaching/${practitioner.userId}$`));
      await lead.getByText(new RegExp(`^${before.observations.length + 1} observations,`)).waitFor();
      const after = await api<{
        observations: {
          notes: string;
          ratings: { componentId: string; quality: number; activities: unknown[] }[];
          principles: unknown[];
        }[];
      }>(lead, `${apiOrg}/coaching/practitioners/${practitioner.userId}`);
      const saved = after.observations.find((o) => o.notes.startsWith('Observed the planning meeting'));
      expect(saved?.ratings).toEqual([
        {
          componentId: component.id,
          quality: 3,
          activities: [{ activityId: activity.id, rating: 'partly' }],
          comment: '',
        },
      ]);
      expect(saved?.principles).toEqual([{ principleId: principle.id, observed: 'evident', note: '' }]);
    },
  );
});
