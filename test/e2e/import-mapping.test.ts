import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { csvLine } from '../../src/domain/csv.ts';
import type { ImportMappingInput } from '../../src/domain/support/import-mapping.ts';
import {
  activitySheetMapping,
  activitySheetRows,
  qualtricsTrackerCsv,
  qualtricsTrackerMapping,
  trackedInteractions,
  type TrackedInteraction,
} from '../../src/demo/tracker-files.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { signIn } from './support/sign-in.ts';

const suite = useBrowserSuite();

interface Facts {
  orgId: string;
  engagements: { id: string; name: string; startDate: string; endDate: string | null }[];
  /** The model the editor offers meanings from (that of the first engagement). */
  model: {
    components: { id: string; name: string; activities: { id: string; label: string }[] }[];
    principles: { id: string; name: string }[];
    stages: { id: string; name: string }[];
  };
}

const facts = (page: Page): Promise<Facts> =>
  page.evaluate(async () => {
    const get = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
    const session = await get<{ organizations: Array<{ id: string }> }>('/api/session');
    const orgId = session.organizations[0]?.id ?? '';
    const engagements = await get<{
      items: (Facts['engagements'][number] & { modelId: string; modelVersion: string })[];
    }>(`/api/orgs/${orgId}/engagements`);
    const first = engagements.items[0]!;
    const model = await get<Facts['model']>(`/api/orgs/${orgId}/models/${first.modelId}?version=${first.modelVersion}`);
    return { orgId, engagements: engagements.items, model };
  });

/** Three engagements still running a month after the latest of their starts, and that latest start. */
const openEngagements = (engagements: Facts['engagements']) => {
  const open = engagements.filter((e) => e.endDate === null).slice(0, 3);
  expect(open).toHaveLength(3);
  const start = open
    .map((e) => e.startDate)
    .sort()
    .at(-1)!;
  return { open, start };
};

const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the mapped import of a Qualtrics export in Chromium', () => {
  test(
    'a practitioner loads a mapping, previews the export with a problem, fixes it, saves the mapping and imports',
    { timeout: 180_000 },
    async () => {
      const page = await suite.openPage({ width: 375, height: 812 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const { orgId, engagements } = await facts(page);
      const { open, start } = openEngagements(engagements);
      const tracked = trackedInteractions({ seed: 5, count: 9, sites: 3, start, days: 20 });
      const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];
      const csv = qualtricsTrackerCsv(tracked, sites);
      const finished = tracked.filter((t) => t.finished).length;
      // The mapping names two sites; the third is missing at first.
      const mapping = qualtricsTrackerMapping({ [sites[0]!]: open[0]!.id, [sites[1]!]: open[1]!.name });

      await page.goto(`/orgs/${orgId}/interactions/import-mapping`);
      await page.getByRole('heading', { level: 1, name: 'Import with a mapping' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const files = page.locator('input[type=file]');
      await files.nth(0).setInputFiles({ name: 'contact-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await files.nth(1).setInputFiles({
        name: 'contact-log.mapping.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(mapping)),
      });
      await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Qualtrics contact log');

      await page.getByRole('button', { name: 'Preview' }).click();
      const problems = page.getByRole('table', { name: 'Problems by row and column' });
      const missing = problems.getByRole('row').filter({ hasText: 'Eastside Schools' }).first();
      await missing.waitFor();
      expect(await missing.getByRole('cell').allTextContents()).toEqual([
        expect.stringMatching(/^\d+$/),
        'Q1',
        '"Eastside Schools" matches no engagement of this organization',
      ]);
      await page.getByRole('table', { name: 'Preview of the first interactions' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Map the third site through the engagement name table.
      await page.getByRole('button', { name: 'Add a row to engagement names' }).click();
      await page.getByLabel('Name in the file 3').fill('Eastside Schools');
      await page.getByRole('combobox', { name: 'Engagement 3' }).click();
      await page.getByRole('option', { name: open[2]!.name, exact: true }).click();
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping "Qualtrics contact log" saved (version 1).').waitFor();

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText(`${finished} interactions found, 0 problems. Nothing was written.`).waitFor();
      const preview = page.getByRole('table', { name: 'Preview of the first interactions' });
      expect(await preview.getByRole('row').count()).toBe(finished + 1);
      expect(await preview.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('4');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText(`${finished} interactions created from ${finished} rows.`).waitFor();
      const stored = await page.evaluate(
        async ([org, engagementId]) =>
          (
            (await (await fetch(`/api/orgs/${org}/interactions?engagementId=${engagementId}&limit=200`)).json()) as {
              items: { loggedBy: string; notes: string }[];
            }
          ).items.length,
        [orgId, open[2]!.id] as const,
      );
      expect(stored).toBeGreaterThanOrEqual(tracked.filter((t) => t.finished && t.site === 2).length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    },
  );

  test(
    'a practitioner builds the Qualtrics mapping through the form alone, previews and imports activities and ratings',
    { timeout: 300_000 },
    async () => {
      const page = await suite.openPage({ width: 375, height: 812 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const { orgId, engagements, model } = await facts(page);
      const { open, start } = openEngagements(engagements);
      // Days 21–29 after the latest start: no slot of the first test's interactions.
      const tracked = trackedInteractions({ seed: 8, count: 6, sites: 3, start: dayAfter(start, 21), days: 9 });
      const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];
      const finished = tracked.filter((t) => t.finished).length;
      // What to enter comes from the reference mapping; it is entered through the form only.
      const reference = qualtricsTrackerMapping();
      const form = mappingForm(page, model);

      await page.goto(`/orgs/${orgId}/interactions/import-mapping`);
      await page.getByRole('heading', { level: 1, name: 'Import with a mapping' }).waitFor();
      await page
        .locator('input[type=file]')
        .nth(0)
        .setInputFiles({
          name: 'contact-log.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(qualtricsTrackerCsv(tracked, sites)),
        });
      // A first preview offers the file's columns to the form.
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('table', { name: 'Problems by row and column' }).waitFor();

      await form.type('Name', 'Qualtrics log through the form');
      await form.open('File and rows');
      await form.type('Take only rows by column', 'Finished');
      await field(page, 'Values of rows to take').fill('True');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await form.engagementAndDate(reference, sites, open);
      await form.type('Time column', 'Q3');
      await form.type('Time format', 'h:mm a');
      await form.durationAndMode(reference);
      await form.open('Stage');
      await form.type('Stage column', 'Stage');
      await form.pairs('Stage values', Object.entries(reference.stage!.values!), 'Stage in the file', (id, n) =>
        form.choose(`Stage ${n}`, model.stages.find((s) => s.id === id)!.name),
      );
      await form.componentColumns(reference);

      await form.open('Practice activities');
      await page.getByRole('button', { name: 'Add a column of activity choices' }).click();
      await form.type('Activity choices column 1', 'Q7');
      const choices = reference.activities![0]!;
      if (!('values' in choices)) throw new Error('the reference maps a column of activity choices');
      await form.pairs(
        'Activity choices of column 1',
        Object.entries(choices.values),
        'Activity choice text',
        (target, n) => form.choose(`Activity ${n} of column 1`, form.activityLabel(target)),
        'of column 1',
      );

      await form.open('Principles and ratings');
      for (const source of reference.principles!) {
        if (!('principle' in source)) continue;
        await form.type(`Column of ${model.principles.find((p) => p.id === source.principle)!.name}`, source.column);
      }
      await form.pairs('Rating words', Object.entries(reference.ratings!), 'Rating in the file', (rating, n) =>
        form.choose(`Rating ${n}`, String(rating)),
      );

      await form.open('Participants, notes and next steps');
      await form.type('Count of individual participants', 'Q9');
      await form.type('Count of team participants', 'Q10');
      await field(page, 'Notes columns').fill('Q11');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await form.type('Next steps column', 'Q12');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // The form and the document are one: the JSON reads as the reference mapping does.
      await form.open('The whole mapping (JSON)');
      const written = JSON.parse(
        await page.getByRole('textbox', { name: 'The whole mapping (JSON)' }).inputValue(),
      ) as ImportMappingInput;
      expect(written).toMatchObject({
        include: { column: 'Finished', values: ['True'] },
        time: reference.time,
        activities: reference.activities,
        principles: reference.principles,
        ratings: reference.ratings,
        participants: reference.participants,
        notes: reference.notes,
        nextSteps: reference.nextSteps,
      });

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText(`${finished} interactions found, 0 problems. Nothing was written.`).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText(`${finished} interactions created from ${finished} rows.`).waitFor();
      await expectArrived(page, orgId, tracked, open, true);
    },
  );

  test(
    'a practitioner maps a spreadsheet with a column per activity through the form and imports it',
    { timeout: 300_000 },
    async () => {
      const page = await suite.openPage({ width: 375, height: 812 });
      await signIn(page, 'practitioner@demo.praxis.test');
      const { orgId, engagements, model } = await facts(page);
      const { open, start } = openEngagements(engagements);
      const tracked = trackedInteractions({ seed: 9, count: 6, sites: 3, start: dayAfter(start, 31), days: 9 });
      const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];
      const reference = activitySheetMapping();
      const form = mappingForm(page, model);
      const csv = activitySheetRows(tracked, sites)
        .map((row) => csvLine(row.map(String)))
        .join('\r\n');

      await page.goto(`/orgs/${orgId}/interactions/import-mapping`);
      await page.getByRole('heading', { level: 1, name: 'Import with a mapping' }).waitFor();
      await page
        .locator('input[type=file]')
        .nth(0)
        .setInputFiles({
          name: 'tracker.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        });
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('table', { name: 'Problems by row and column' }).waitFor();

      await form.engagementAndDate(reference, sites, open);
      await form.durationAndMode(reference);
      await form.componentColumns(reference);
      await form.open('Practice activities');
      const columns = reference.activities!.flatMap((a) => ('activity' in a ? [[a.column, a.activity] as const] : []));
      await form.pairs('One column per activity', columns, 'Activity column', (activity, n) =>
        form.choose(`Activity marked ${n}`, form.activityLabel(activity)),
      );
      await form.open('Participants, notes and next steps');
      await field(page, 'Notes columns').fill('Notes');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText(`${tracked.length} interactions found, 0 problems. Nothing was written.`).waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText(`${tracked.length} interactions created from ${tracked.length} rows.`).waitFor();
      await expectArrived(page, orgId, tracked, open, false);
    },
  );
});

const dayAfter = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The input a label names (a column field's suggestions are labelled by it too). */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).and(page.locator('input'));

/** The mapping form as a person fills it: fields found by their labels, meanings chosen by their names. */
function mappingForm(page: Page, model: Facts['model']) {
  const type = async (label: string, value: string) => {
    await field(page, label).fill(value);
    // Close the column suggestions, which would cover the next field.
    await page.keyboard.press('Escape');
  };
  const choose = async (label: string, option: string) => {
    const box = page.getByRole('combobox', { name: label, exact: true });
    await box.click();
    await box.fill(option);
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const open = async (section: string) => {
    const control = page.getByRole('button', { name: section, exact: true });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  };
  /** Adds a row per pair to a table of pairs: the source value typed, its meaning given by `right`. */
  const pairs = async <T>(
    table: string,
    rows: readonly (readonly [string, T])[],
    left: string,
    right: (meaning: T, row: number) => Promise<void>,
    labelEnd = '',
  ) => {
    const end = labelEnd ? ` ${labelEnd}` : '';
    for (const [i, [value, meaning]] of rows.entries()) {
      await page.getByRole('button', { name: `Add a row to ${table.toLowerCase()}` }).click();
      await type(`${left} ${i + 1}${end}`, value);
      await right(meaning, i + 1);
    }
  };
  const activityLabel = (target: string) => {
    const [componentId, activityId] = target.split('/');
    const component = model.components.find((c) => c.id === componentId)!;
    return `${component.name}: ${component.activities.find((a) => a.id === activityId)!.label}`;
  };
  return {
    type,
    choose,
    open,
    pairs,
    activityLabel,
    async engagementAndDate(reference: ImportMappingInput, sites: string[], open: Facts['engagements']) {
      await type('Engagement column', reference.engagement.column);
      await pairs(
        'Engagement names',
        sites.map((site, i) => [site, open[i]!.name] as const),
        'Name in the file',
        (name, n) => choose(`Engagement ${n}`, name),
      );
      await type('Date column', reference.date.column);
      await type('Date format', reference.date.format!);
    },
    async durationAndMode(reference: ImportMappingInput) {
      await open('Duration and mode');
      if (!('column' in reference.duration) || !('column' in reference.mode)) throw new Error('columns expected');
      await type('Duration column', reference.duration.column);
      await type('Mode column', reference.mode.column);
      await pairs('Mode values', Object.entries(reference.mode.values!), 'Value in the file', (mode, n) =>
        choose(`Mode ${n}`, mode),
      );
    },
    async componentColumns(reference: ImportMappingInput) {
      await open('Minutes per component');
      for (const [componentId, column] of Object.entries(reference.components!.columns!))
        await type(`Minutes of ${model.components.find((c) => c.id === componentId)!.name}`, column);
    },
  };
}

const sheetActivities = activitySheetMapping().activities!.flatMap((a) =>
  'activity' in a ? [[a.column, a.activity] as const] : [],
);
const ratedPrinciples = qualtricsTrackerMapping().principles!.flatMap((p) => ('principle' in p ? [p.principle] : []));
const byPrinciple = (a: { principleId: string }, b: { principleId: string }) =>
  a.principleId.localeCompare(b.principleId);

interface StoredInteraction {
  engagementId: string;
  date: string;
  durationMinutes: number;
  components: { componentId: string; activityIds: string[] }[];
  principles: { principleId: string; rating: number | null }[];
}

/** Each tracked interaction arrived with its activities (and, `rated`, its principle ratings) as the tracker holds them. */
async function expectArrived(
  page: Page,
  orgId: string,
  tracked: readonly TrackedInteraction[],
  open: Facts['engagements'],
  rated: boolean,
) {
  const stored = await page.evaluate(
    async ([org, ids]) => {
      const all: StoredInteraction[] = [];
      for (const id of ids) {
        const reply = await fetch(`/api/orgs/${org}/interactions?engagementId=${id}&limit=200`);
        all.push(...((await reply.json()) as { items: StoredInteraction[] }).items);
      }
      return all;
    },
    [orgId, open.map((e) => e.id)] as const,
  );
  const kept = (s: StoredInteraction) => ({
    activities: s.components.flatMap((c) => c.activityIds.map((a) => `${c.componentId}/${a}`)).sort(),
    principles: [...s.principles].sort(byPrinciple),
  });
  for (const t of tracked.filter((x) => x.finished)) {
    // The activity sheet marks the interaction's activities with an x in their columns.
    const [header, row] = activitySheetRows([t], ['site']) as [unknown[], unknown[]];
    const marked = new Set(header.filter((_, i) => row[i] === 'x').map(String));
    const expected = {
      activities: sheetActivities
        .filter(([column]) => marked.has(column))
        .map(([, activity]) => activity)
        .sort(),
      principles: rated
        ? t.ratings
            .flatMap((r, i) => (r === 0 ? [] : [{ principleId: ratedPrinciples[i]!, rating: r }]))
            .sort(byPrinciple)
        : [],
    };
    expect(expected.activities.length).toBe(t.activities.length);
    const candidates = stored.filter(
      (s) => s.engagementId === open[t.site]!.id && s.date === t.date && s.durationMinutes === t.duration,
    );
    expect(candidates.map(kept)).toContainEqual(expected);
  }
}
