import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { type ImportReport } from '../../src/app/interactions/import-files.ts';
import { countInteractions, importWorld, writeCsv, writeXlsx, type ImportWorld } from './files.ts';

const longHeader =
  'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';

describe('a malformed file gives a row-level report and writes nothing', () => {
  let world: ImportWorld;
  let before: number;

  /** One long row: key, date, component, minutes, activities, with a 90-minute video call by default. */
  const row = (
    key: string,
    over: {
      date?: string;
      time?: string;
      duration?: string;
      mode?: string;
      component?: string;
      minutes?: string;
      activities?: string;
      engagement?: string;
      notes?: string;
    } = {},
  ) =>
    [
      key,
      over.engagement ?? world.engagementId,
      over.date ?? '2020-02-03',
      over.time ?? '10:00',
      over.duration ?? '90',
      over.mode ?? 'video',
      '',
      over.component ?? 'relating',
      over.minutes ?? '20',
      over.activities ?? 'agree-roles',
      'relationship-centered:4',
      'individual=2',
      over.notes ?? 'notes',
    ].join(',');

  /** Imports for real (not a dry run) and checks that nothing was written. */
  async function importRefused(
    name: string,
    lines: string[] | null,
    kind: 'csv' | 'xlsx' = 'csv',
  ): Promise<ImportReport> {
    const file = world.folder.file(name);
    if (lines) writeCsv(file, lines);
    const report = await importInteractions(world.t.store, world.orgId, file, { kind, dryRun: false, actor: 'cli' });
    expect(report.written).toBe(0);
    expect(report.errorCount).toBeGreaterThan(0);
    expect(report.errorCount).toBe(report.errors.length);
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
    // A dry run of the same file reports the same problems.
    const dry = await importInteractions(world.t.store, world.orgId, file, { kind, dryRun: true, actor: 'cli' });
    expect(dry.errors).toEqual(report.errors);
    return report;
  }

  beforeAll(async () => {
    world = await importWorld();
    // One good import first, so "nothing written" is checked against a non-empty record.
    const seed = writeCsv(world.folder.file('seed.csv'), [longHeader, row('seed', { date: '2020-01-20' })]);
    expect(
      (await importInteractions(world.t.store, world.orgId, seed, { kind: 'csv', dryRun: false, actor: 'cli' }))
        .written,
    ).toBe(1);
  });
  beforeEach(async () => {
    before = await countInteractions(world.t.store, world.orgId);
  });
  afterAll(() => world.dispose());

  it('names missing and unknown header columns', async () => {
    const report = await importRefused('headers.csv', [
      'interaction_key,engagement_id,when,time,duration_minutes,mode,component_id,component_minutes,activity_ids,colour',
      row('a'),
    ]);
    expect(report.errors).toEqual([
      { row: 1, column: 'when', message: 'is not a column of the long layout' },
      { row: 1, column: 'colour', message: 'is not a column of the long layout' },
      { row: 1, column: 'date', message: 'is missing' },
    ]);
    expect(report.rowsRead).toBe(0);
  });

  it('refuses a header it cannot place in either layout, and a wide file with an unknown minutes column', async () => {
    expect(
      (
        await importRefused('neither.csv', [
          'engagement_id,date,duration_minutes,mode',
          `${world.engagementId},2020-02-03,60,video`,
        ])
      ).errors,
    ).toEqual([
      {
        row: 1,
        column: '',
        message:
          'cannot tell the layout: a long file has component_id and component_minutes columns, a wide file minutes_<component> columns',
      },
    ]);
    const wide = await importRefused('wide.csv', [
      'engagement_id,date,duration_minutes,mode,minutes_relating,minutes_juggling,activities_juggling',
      `${world.engagementId},2020-02-03,60,video,20,10,`,
    ]);
    expect(wide.errors).toEqual([
      {
        row: 1,
        column: 'minutes_juggling',
        message: '"juggling" is not a component of any practice model of this organization',
      },
    ]);
  });

  it('reports bad dates, times, minutes and modes at their row and column, all in one report', async () => {
    const report = await importRefused('cells.csv', [
      longHeader,
      row('a', { date: '2020-02-30' }),
      row('b', { date: '03/02/2020' }),
      row('c', { time: '25:00', date: '2020-02-05' }),
      row('d', { minutes: '12.5', date: '2020-02-06' }),
      row('e', { mode: 'carrier-pigeon', date: '2020-02-07' }),
      row('f', { duration: 'ninety', date: '2020-02-08' }),
      row('g', { date: '2020-02-09' }),
    ]);
    expect(report.errors).toEqual([
      { row: 2, column: 'date', message: '"2020-02-30" is not a date YYYY-MM-DD' },
      { row: 3, column: 'date', message: '"03/02/2020" is not a date YYYY-MM-DD' },
      { row: 4, column: 'time', message: '"25:00" is not a time HH:MM' },
      { row: 5, column: 'component_minutes', message: '"12.5" is not a whole number of minutes' },
      {
        row: 6,
        column: 'mode',
        message: '"carrier-pigeon" is not a mode (one of in-person, video, phone, email, other)',
      },
      { row: 7, column: 'duration_minutes', message: '"ninety" is not a whole number of minutes' },
    ]);
    expect(report).toMatchObject({ rowsRead: 7, interactions: 1 });
  });

  it('names an unknown component and an unknown activity with the model version', async () => {
    const report = await importRefused('model.csv', [
      longHeader,
      row('a'),
      row('a', { component: 'juggling', minutes: '10', activities: '' }),
      row('b', { date: '2020-02-04', activities: 'agree-roles;telepathy' }),
    ]);
    expect(report.errors).toEqual([
      { row: 3, column: 'component_id', message: 'unknown component "juggling" in model eis-toc@1.0.0' },
      {
        row: 4,
        column: 'activity_ids',
        message: 'unknown activity "telepathy" of component "relating" in model eis-toc@1.0.0',
      },
    ]);
  });

  it('refuses minutes over the duration, a date before the engagement and an unknown engagement', async () => {
    const report = await importRefused('rules.csv', [
      longHeader,
      row('a', { duration: '30', minutes: '20' }),
      row('a', { duration: '30', component: 'assessing', minutes: '15', activities: 'review-data' }),
      row('b', { date: '2019-12-31' }),
      row('c', { engagement: 'no-such-engagement', date: '2020-02-05' }),
    ]);
    expect(report.errors).toEqual([
      { row: 2, column: 'component_minutes', message: 'minutes across components (35) exceed the duration (30)' },
      { row: 4, column: 'date', message: 'is before the engagement started (2020-01-15)' },
      { row: 5, column: 'engagement_id', message: 'no engagement "no-such-engagement" in this organization' },
    ]);
  });

  it('finds the same interaction twice in one file, naming both rows', async () => {
    const report = await importRefused('duplicates.csv', [
      longHeader,
      row('a'),
      row('a', { component: 'assessing', activities: '' }),
      row('b', { date: '2020-02-04' }),
      row('c'),
      row('c', { component: 'assessing', activities: '' }),
    ]);
    expect(report.errors).toEqual([
      {
        row: 5,
        column: 'interaction_key',
        message: 'duplicates the interaction at row 2 (same engagement, date, time, duration and components)',
      },
    ]);
  });

  it('refuses interaction columns that differ across the rows of one interaction, and a key used again later', async () => {
    const report = await importRefused('inconsistent.csv', [
      longHeader,
      row('a'),
      row('a', { component: 'assessing', activities: '', mode: 'phone', notes: 'other notes' }),
      row('b', { date: '2020-02-04' }),
      row('a', { date: '2020-02-05', component: 'teaching', activities: '' }),
    ]);
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'mode',
        message:
          'differs from row 2 of interaction "a" ("phone" here, "video" there); interaction columns must agree on every row of an interaction',
      },
      {
        row: 3,
        column: 'notes',
        message:
          'differs from row 2 of interaction "a" ("other notes" here, "notes" there); interaction columns must agree on every row of an interaction',
      },
      {
        row: 5,
        column: 'interaction_key',
        message: '"a" was already used at row 2; the rows of one interaction must be consecutive',
      },
    ]);
  });

  it('reports an unknown component in an interaction whose rows disagree on the date, in one pass', async () => {
    const report = await importRefused('both.csv', [
      longHeader,
      row('a'),
      row('a', { date: '2020-02-04', component: 'juggling', minutes: '10', activities: '' }),
      row('b', { date: '2020-02-30', activities: 'agree-roles;telepathy' }),
    ]);
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'date',
        message:
          'differs from row 2 of interaction "a" ("2020-02-04" here, "2020-02-03" there); interaction columns must agree on every row of an interaction',
      },
      { row: 3, column: 'component_id', message: 'unknown component "juggling" in model eis-toc@1.0.0' },
      { row: 4, column: 'date', message: '"2020-02-30" is not a date YYYY-MM-DD' },
      {
        row: 4,
        column: 'activity_ids',
        message: 'unknown activity "telepathy" of component "relating" in model eis-toc@1.0.0',
      },
    ]);
    expect(report).toMatchObject({ rowsRead: 3, interactions: 0 });
  });

  it('reports every problem of wide rows with bad cells, judging no rule from a refused cell', async () => {
    const report = await importRefused('wide-both.csv', [
      'engagement_id,date,duration_minutes,mode,minutes_relating,activities_relating,minutes_assessing',
      `${world.engagementId},2019-02-30,60,video,20,agree-roles;telepathy,`,
      `${world.engagementId},2020-02-04,60,video,x,agree-roles,90`,
    ]);
    expect(report.errors).toEqual([
      { row: 2, column: 'date', message: '"2019-02-30" is not a date YYYY-MM-DD' },
      {
        row: 2,
        column: 'activities_relating',
        message: 'unknown activity "telepathy" of component "relating" in model eis-toc@1.0.0',
      },
      { row: 3, column: 'minutes_relating', message: '"x" is not a whole number of minutes' },
      { row: 3, column: 'duration_minutes', message: 'minutes across components (90) exceed the duration (60)' },
    ]);
  });

  it('refuses an empty file and a file with a header only', async () => {
    writeFileSync(world.folder.file('empty.csv'), '');
    expect((await importRefused('empty.csv', null)).errors).toEqual([
      { row: 1, column: '', message: 'the file is empty; expected a header row and at least one interaction' },
    ]);
    expect((await importRefused('header-only.csv', [longHeader])).errors).toEqual([
      { row: 2, column: '', message: 'the file has a header but no interactions' },
    ]);
  });

  it('reports a broken quote as unreadable at its line', async () => {
    const report = await importRefused('quote.csv', [
      longHeader,
      row('a'),
      `b,${world.engagementId},2020-02-04,10:00,90,video,,relating,20,,,,"unclosed`,
    ]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ column: '' });
    expect(report.errors[0]!.message).toMatch(/^the file is not valid CSV: /);
  });

  it('reports rows of an XLSX worksheet by their sheet row number', async () => {
    const file = await writeXlsx(world.folder.file('bad.xlsx'), [
      ['engagement_id', 'date', 'time', 'duration_minutes', 'mode', 'minutes_relating', 'activities_relating'],
      [world.engagementId, new Date(Date.UTC(2020, 1, 3)), '10:00', 60, 'video', 20, 'agree-roles'],
      [world.engagementId, '2020-02-04', '10:00', 60, 'video', 90, 'agree-roles'],
      [world.engagementId, 'yesterday', '10:00', 60, 'video', 20, ''],
    ]);
    const report = await importRefused('bad.xlsx', null, 'xlsx');
    expect(file).toMatch(/bad\.xlsx$/);
    expect(report.errors).toEqual([
      { row: 3, column: 'duration_minutes', message: 'minutes across components (90) exceed the duration (60)' },
      { row: 4, column: 'date', message: '"yesterday" is not a date YYYY-MM-DD' },
    ]);
    expect(report).toMatchObject({ format: 'wide', rowsRead: 3, interactions: 2 });
  });
});
