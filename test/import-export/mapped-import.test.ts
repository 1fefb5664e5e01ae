import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { ImportMapping, type ImportMappingInput } from '../../src/domain/support/import-mapping.ts';
import {
  activitySheetMapping,
  activitySheetRows,
  qualtricsTrackerMapping,
  trackedInteractions,
} from '../../src/demo/tracker-files.ts';
import type { Engagement } from '../../src/domain/support/schemas.ts';
import { engines } from '../support/databases.ts';
import { countInteractions, importWorld, writeCsv, writeXlsx, type ImportWorld } from './files.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/trackers');
const qualtricsFile = path.join(fixtures, 'qualtrics-contact-log.csv');
const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];

/** The fixture's finished responses (rows with `Finished` = True), by their data rows. */
function finishedRows(): number {
  return readFileSync(qualtricsFile, 'utf8')
    .split('\r\n')
    .filter((line) => line.includes(',True,')).length;
}

async function engagementNamed(world: ImportWorld, name: string): Promise<Engagement> {
  const first = (await world.t.store.tenant(world.orgId).engagements.find(world.engagementId))!;
  return createEngagement(world.t.store, world.orgId, { ...first, name, stages: [] }, world.admin.userId);
}

describe.each(engines)('mapped import of interactions (%s)', { timeout: 120_000 }, (engine) => {
  let world: ImportWorld;
  let engagements: Engagement[];
  beforeAll(async () => {
    world = await importWorld(engine);
    engagements = [];
    for (const site of sites) engagements.push(await engagementNamed(world, `Support for ${site}`));
  });
  afterAll(() => world.dispose());

  const siteTable = () => Object.fromEntries(sites.map((site) => [site, `Support for ${site}`]));
  const mapping = (input: ImportMappingInput) => ImportMapping.parse(input);
  const run = (file: string, m: ImportMappingInput, dryRun: boolean, kind: 'csv' | 'xlsx' = 'csv') =>
    importInteractions(world.t.store, world.orgId, file, {
      kind,
      dryRun,
      actor: world.admin.userId,
      mapping: mapping(m),
      preview: 5,
    });

  it('previews the Qualtrics export on a dry run, writing nothing, then imports it all', async () => {
    const dry = await run(qualtricsFile, qualtricsTrackerMapping(siteTable()), true);
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ dryRun: true, rowsRead: finishedRows(), interactions: finishedRows(), written: 0 });
    expect(dry.mapping).toMatchObject({ name: 'Qualtrics contact log', source: 'qualtrics' });
    expect(dry.mapping!.questions[15]).toBe('Which site was this contact with?');
    expect(dry.preview).toHaveLength(5);
    // Row 4 is the first response (three header rows): as generated from seed 2026.
    const first = trackedInteractions({ seed: 2026, count: 40, sites: 3, unfinishedShare: 0.08 })[0]!;
    expect(dry.preview![0]!.row).toBe(4);
    expect(dry.preview![0]!.interaction).toMatchObject({
      engagementId: engagements[first.site]!.id,
      date: first.date,
      time: first.time,
      durationMinutes: first.duration,
      mode: first.mode,
    });
    expect(await countInteractions(world.t.store, world.orgId)).toBe(0);

    const real = await run(qualtricsFile, qualtricsTrackerMapping(siteTable()), false);
    expect(real.errors).toEqual([]);
    expect(real.written).toBe(finishedRows());
    const live = await world.t.store.tenant(world.orgId).interactions.allLive();
    expect(live).toHaveLength(finishedRows());
    const stored = live.find((i) => i.date === first.date && i.time === first.time)!;
    expect(stored.components.reduce((sum, c) => sum + c.minutes, 0)).toBe(first.minutes.reduce((a, b) => a + b, 0));
    expect(stored.nextSteps.map((s) => s.text)).toEqual(first.nextSteps);
    expect(stored.principles.filter((p) => p.rating !== null)).toHaveLength(first.ratings.filter((r) => r > 0).length);
    expect(stored.participants.counts.individual).toBe(first.individuals);
    // Every imported interaction has its history entry, as the native import writes.
    const history = await world.t.store.tenant(world.orgId).history('interaction', stored.id);
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('imports a spreadsheet with one column per activity (XLSX)', async () => {
    const tracked = trackedInteractions({ seed: 7, count: 12, sites: 3, start: '2021-03-01' });
    const file = await writeXlsx(world.folder.file(`sheet-${engine}.xlsx`), activitySheetRows(tracked, sites));
    const before = await countInteractions(world.t.store, world.orgId);
    const report = await run(file, activitySheetMapping(siteTable()), false, 'xlsx');
    expect(report.errors).toEqual([]);
    expect(report.written).toBe(12);
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before + 12);
    const live = await world.t.store.tenant(world.orgId).interactions.allLive();
    const first = tracked[0]!;
    const stored = live.find((i) => i.date === first.date && i.engagementId === engagements[first.site]!.id)!;
    expect(stored.components.flatMap((c) => c.activityIds).length).toBe(first.activities.length);
  });

  it('reports every problem by source row and column and writes nothing', async () => {
    const before = await countInteractions(world.t.store, world.orgId);
    await engagementNamed(world, 'Twin site');
    await engagementNamed(world, 'Twin site');
    const header = 'Site,When,Contact,Minutes,Relating,Activities';
    const file = writeCsv(world.folder.file(`bad-${engine}.csv`), [
      header,
      'North Valley,2022-03-01,Phone call,30,30,Agree roles',
      'Nowhere,2022-03-02,Phone call,30,30,',
      'Twin site,2022-03-03,Phone call,30,30,',
      'North Valley,31/02/2022,Phone call,30,30,',
      'North Valley,2022-03-05,Carrier pigeon,30,30,',
      'North Valley,2022-03-06,Phone call,30,30,Juggling',
      'North Valley,2022-03-07,Phone call,20,30,',
    ]);
    const m: ImportMappingInput = {
      format: 'praxis-import-mapping',
      version: 1,
      name: 'Bad',
      engagement: { column: 'Site', names: siteTable() },
      date: { column: 'When', format: 'yyyy-MM-dd' },
      duration: { column: 'Minutes' },
      mode: { column: 'Contact', values: { 'Phone call': 'phone' } },
      components: { columns: { relating: 'Relating' } },
      activities: [{ column: 'Activities', delimiter: ';', values: { 'Agree roles': 'relating/agree-roles' } }],
    };
    const report = await run(file, m, false);
    expect(report.written).toBe(0);
    expect(report.errors).toEqual([
      { row: 3, column: 'Site', message: '"Nowhere" matches no engagement of this organization' },
      {
        row: 4,
        column: 'Site',
        message: expect.stringMatching(
          /^"Twin site" matches 2 engagements \(.+\); map it to one id in the engagement table$/,
        ),
      },
      { row: 5, column: 'When', message: '"31/02/2022" cannot be read as a date in the format yyyy-MM-dd' },
      {
        row: 6,
        column: 'Contact',
        message: '"Carrier pigeon" has no mapped meaning (a mode: in-person, video, phone, email, other)',
      },
      { row: 7, column: 'Activities', message: '"Juggling" has no mapped meaning (add it to the activity values)' },
      {
        row: 8,
        column: 'Minutes',
        message: 'minutes across components (30) exceed the duration (20)',
      },
    ]);
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);

    const missing = await run(file, { ...m, notes: ['Comments'] }, true);
    expect(missing.errors).toEqual([
      { row: 1, column: 'Comments', message: 'is named by the mapping but is not a column of the file' },
    ]);
    const twice = writeCsv(world.folder.file(`twice-${engine}.csv`), ['Site,When,Site', 'a,b,c']);
    expect((await run(twice, m, true)).errors).toEqual([
      { row: 1, column: 'Site', message: 'appears more than once in the header' },
    ]);
  });
});
