import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { mainHeading } from './support/page-parts.ts';
import { firstOrganization, signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

interface Signal {
  key: string;
  rule: string;
  engagementId: string;
  title: string;
}
interface PlanMonth {
  month: string;
  loggedMinutes: number;
}

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A JSON request from inside the page, with the session's cookie and CSRF token. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

describe('stage plans, plan versus actual and signals in Chromium', () => {
  test(
    'a practitioner logs from home and sees plan versus actual and a signal change on the engagement page',
    { timeout: 180_000 },
    async () => {
      const page = await suite.openPage({ width: 1280, height: 900 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const organization = await firstOrganization(page);
      const org = `/api/orgs/${organization.id}`;
      await mainHeading(page, organization.name).waitFor();
      // An engagement of the practitioner with a plan and a signal that contact today clears: no contact
      // lately, or a planned component unused (then that component is the one logged).
      const signals = (await api<{ items: Signal[] }>(page, 'GET', `${org}/signals`)).body.items;
      const home = (await api<{ engagements: { id: string; name: string }[] }>(page, 'GET', `${org}/home`)).body;
      const mine = new Map(home.engagements.map((e) => [e.id, e.name]));
      const cleared = ['plannedComponentUnused', 'noContact'];
      let unused: Signal | undefined;
      let componentId = '';
      for (const signal of signals.filter((s) => cleared.includes(s.rule) && mine.has(s.engagementId))) {
        const plans = (
          await api<{ items: { emphasis: { componentId: string }[] }[] }>(
            page,
            'GET',
            `${org}/engagements/${signal.engagementId}/plans`,
          )
        ).body.items;
        if (plans.length === 0) continue;
        unused = signal;
        componentId =
          signal.rule === 'plannedComponentUnused' ? signal.key.split(':')[1]! : plans[0]!.emphasis[0]!.componentId;
        break;
      }
      expect(unused, 'a planned demo engagement of the practitioner with a signal that contact clears').toBeDefined();
      const engagementName = mine.get(unused!.engagementId)!;
      const model = (
        await api<{ model: { components: { id: string; name: string }[] } }>(
          page,
          'GET',
          `${org}/engagements/${unused!.engagementId}/overview`,
        )
      ).body.model;
      const componentName = model.components.find((c) => c.id === componentId)!.name;
      const thisMonth = new Date().toISOString().slice(0, 7);
      const before = (
        await api<{ months: PlanMonth[] }>(page, 'GET', `${org}/engagements/${unused!.engagementId}/plan-vs-actual`)
      ).body.months.find((m) => m.month === thisMonth)!;

      // The home card shows the signal.
      const card = page
        .getByRole('region', { name: 'My engagements' })
        .getByRole('listitem')
        .filter({ hasText: engagementName });
      await card
        .getByRole('list', { name: `Signals for ${engagementName}` })
        .getByText(unused!.title)
        .waitFor();

      await page.getByRole('button', { name: 'Log interaction' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
      await dialog
        .getByRole('textbox', { name: 'Engagement' })
        .or(dialog.getByRole('combobox', { name: 'Engagement' }))
        .first()
        .click();
      await page.getByRole('option', { name: engagementName }).click();
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await mainHeading(page, 'Log interaction').waitFor();
      const minutes = page.getByRole('textbox', { name: `Minutes of ${componentName}`, exact: true });
      if (!(await minutes.isVisible())) await page.getByRole('button', { name: /other components/i }).click();
      await minutes.fill('45');
      await page.getByLabel('Notes').fill('Worked through the planned component with the team');
      await page.keyboard.press('Control+Enter');
      await page.waitForURL(new RegExp(`/engagements/${unused!.engagementId}$`));

      const plan = page.getByRole('region', { name: 'Plan versus actual' });
      await plan
        .getByRole('img', { name: /planned and logged minutes/ })
        .first()
        .waitFor();
      const row = plan.getByRole('row').filter({ has: page.getByRole('rowheader', { name: thisMonth }) });
      await row
        .getByText(new RegExp(`/ ${before.loggedMinutes + 45}$`))
        .first()
        .waitFor();
      await row.getByText(`${componentName}:`, { exact: false }).waitFor();
      const signalPanel = page.getByRole('region', { name: 'Signals' });
      await signalPanel
        .getByText(/Rule:/)
        .first()
        .or(signalPanel.getByText(/^No signals/))
        .first()
        .waitFor();
      await expect.poll(() => signalPanel.getByText(unused!.title, { exact: true }).count()).toBe(0);
    },
  );

  test(
    'the plan editor shows field errors and keeps what was typed through a stale save',
    { timeout: 180_000 },
    async () => {
      const page = await suite.openPage({ width: 1280, height: 900 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const organization = await firstOrganization(page);
      const org = `/api/orgs/${organization.id}`;
      const home = (await api<{ engagements: { id: string }[] }>(page, 'GET', `${org}/home`)).body;
      let target: { id: string; version: number; stageId: string; engagementId: string } | undefined;
      for (const engagement of home.engagements) {
        const plans = (
          await api<{ items: { id: string; version: number; stageId: string; engagementId: string }[] }>(
            page,
            'GET',
            `${org}/engagements/${engagement.id}/plans`,
          )
        ).body.items;
        if ((target = plans[0])) break;
      }
      expect(target, 'a demo engagement of the practitioner with a stage plan').toBeDefined();
      await page.goto(`/orgs/${organization.id}/engagements/${target!.engagementId}`);
      await page
        .getByRole('region', { name: 'Stage plans' })
        .getByRole('link', { name: /^(Edit|See) plan of / })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /^Plan of the stage / }).waitFor();

      // A goal without a target date is refused beside the field, in plain words.
      const targetDate = page.getByRole('textbox', { name: 'Target date' }).first();
      await targetDate.fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('The target date is required: a goal needs a target date.').waitFor();
      expect(await targetDate.getAttribute('aria-invalid')).toBe('true');

      // Someone else saves the plan meanwhile.
      const current = (
        await api<Record<string, unknown> & { version: number }>(page, 'GET', `${org}/plans/${target!.id}`)
      ).body;
      const { engagementId, stageId, goals, emphasis, activities } = current as never as Record<string, unknown>;
      const other = await api(page, 'PUT', `${org}/plans/${target!.id}`, {
        engagementId,
        stageId,
        goals,
        emphasis,
        activities,
        version: current.version,
      });
      expect(other.status).toBe(200);

      const goal = 'Agree the coaching schedule with every site lead';
      await page.getByRole('textbox', { name: 'Goal 1' }).fill(goal);
      await targetDate.fill('2031-06-30');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Someone saved this plan while you were editing').waitFor();
      // Nothing typed is lost.
      expect(await page.getByRole('textbox', { name: 'Goal 1' }).inputValue()).toBe(goal);
      expect(await targetDate.inputValue()).toBe('2031-06-30');
      await page.getByRole('button', { name: 'Keep mine' }).click();
      await page.waitForURL(new RegExp(`/engagements/${target!.engagementId}$`));
      const saved = (
        await api<{ goals: { text: string; targetDate: string }[]; version: number }>(
          page,
          'GET',
          `${org}/plans/${target!.id}`,
        )
      ).body;
      expect(saved.goals[0]).toMatchObject({ text: goal, targetDate: '2031-06-30' });
      expect(saved.version).toBe(current.version + 2);
      const history = (await api<{ items: unknown[] }>(page, 'GET', `${org}/plans/${target!.id}/history`)).body.items;
      expect(history.length).toBeGreaterThanOrEqual(3);
    },
  );

  test('the engagement, plan and signal settings pages fit 375 px and pass axe', { timeout: 180_000 }, async () => {
    const page = await suite.openPage({ width: 375, height: 800 });
    await signIn(page, 'admin@demo.praxis.test');
    const organization = await firstOrganization(page);
    const org = `/api/orgs/${organization.id}`;
    const signals = (await api<{ items: Signal[] }>(page, 'GET', `${org}/signals`)).body.items;
    const engagementId = signals[0]!.engagementId;
    await page.goto(`/orgs/${organization.id}/engagements/${engagementId}`);
    await page.getByRole('region', { name: 'Plan versus actual' }).getByRole('table').waitFor();
    await page.getByRole('region', { name: 'Signals' }).getByText(/Rule:/).first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(
      await seriousAccessibilityViolations(
        page,
        ['Stage plans', 'Signals', 'Plan versus actual'].map((name) => `section[aria-label="${name}"]`).join(', '),
      ),
    ).toEqual([]);

    await page
      .getByRole('region', { name: 'Stage plans' })
      .getByRole('link', { name: /^(Edit|See) plan of / })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Plan of the stage / }).waitFor();
    await page.getByRole('region', { name: 'History of the plan' }).getByRole('listitem').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);

    await page.goto(`/orgs/${organization.id}/admin/signals`);
    await mainHeading(page, 'Signals').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page, 'main')).toEqual([]);
    // Settings are saved and read back.
    const weeks = page.getByRole('textbox', { name: 'Weeks without contact (weeks)' });
    await weeks.fill('6');
    await page.getByRole('button', { name: 'Save signal settings' }).click();
    await page.getByText('The signal settings are saved.').waitFor();
    const stored = (await api<{ settings: { noContact: { weeks: number } } }>(page, 'GET', `${org}/signal-settings`))
      .body;
    expect(stored.settings.noContact.weeks).toBe(6);
  });
});
