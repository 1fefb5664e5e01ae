import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { runPraxis } from '../support/cli.ts';
import { countInteractions, importWorld, writeCsv, type ImportWorld } from './files.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/trackers');
const qualtricsFile = path.join(fixtures, 'qualtrics-contact-log.csv');
const finished = readFileSync(qualtricsFile, 'utf8')
  .split('\r\n')
  .filter((line) => line.includes(',True,')).length;

// Each case starts real `praxis` processes (the build: run `npm run build:node` first).
describe('praxis import interactions --mapping', { timeout: 120_000 }, () => {
  let world: ImportWorld;
  let mappingFile: string;

  beforeAll(async () => {
    world = await importWorld();
    const first = (await world.t.store.tenant(world.orgId).engagements.find(world.engagementId))!;
    const sites: Record<string, string> = {};
    for (const site of ['North Valley', 'Harbor County', 'Eastside Schools']) {
      const engagement = await createEngagement(
        world.t.store,
        world.orgId,
        { ...first, name: `Support for ${site}`, stages: [] },
        world.admin.userId,
      );
      sites[site] = engagement.id;
    }
    const mapping = JSON.parse(readFileSync(path.join(fixtures, 'qualtrics-contact-log.mapping.json'), 'utf8'));
    mapping.engagement.names = sites;
    mappingFile = world.folder.file('mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
  });
  afterAll(() => world.dispose());

  const slug = () => world.organization.slug;

  it('previews the first interactions on --dry-run and writes nothing, then imports the Qualtrics export', async () => {
    const dry = await runPraxis(
      ['import', 'interactions', qualtricsFile, '--org', slug(), '--mapping', mappingFile, '--dry-run'],
      world.t.env,
    );
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const lines = dry.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${finished} rows read, ${finished} interactions (mapping "Qualtrics contact log", Qualtrics export); dry run: nothing was written`,
    );
    expect(lines[1]).toBe('The first 5 interactions as Praxis reads them:');
    expect(lines.slice(2)).toHaveLength(5);
    expect(lines[2]).toMatch(/^ {2}row 4: \d{4}-\d{2}-\d{2} \d{2}:\d{2}, engagement \S+, \d+ min, [a-z-]+; /);
    expect(await countInteractions(world.t.store, world.orgId)).toBe(0);

    const real = await runPraxis(
      ['import', 'interactions', qualtricsFile, '--org', slug(), '--mapping', mappingFile],
      world.t.env,
    );
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(
      `${finished} rows read, ${finished} interactions (mapping "Qualtrics contact log", Qualtrics export); ${finished} interactions written\n`,
    );
    expect(await countInteractions(world.t.store, world.orgId)).toBe(finished);
  });

  it('reports every problem by source row and column, exit 1, nothing written', async () => {
    const before = await countInteractions(world.t.store, world.orgId);
    const file = writeCsv(world.folder.file('bad.csv'), [
      'Site,Date,How,Minutes',
      'Nowhere,2022-01-05,Phone call,30',
      'Support for North Valley,05/01/2022,Phone call,30',
      'Support for North Valley,2022-01-07,Pigeon,30',
    ]);
    const mapping = world.folder.file('bad-mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        format: 'praxis-import-mapping',
        version: 1,
        name: 'Sheet',
        engagement: { column: 'Site' },
        date: { column: 'Date' },
        duration: { column: 'Minutes' },
        mode: { column: 'How', values: { 'Phone call': 'phone' } },
      }),
    );
    const result = await runPraxis(
      ['import', 'interactions', file, '--org', slug(), '--mapping', mapping],
      world.t.env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '3 rows read, 0 interactions (mapping "Sheet", one header row); nothing was written',
        '3 problems:',
        '  row 2, Site: "Nowhere" matches no engagement of this organization',
        '  row 3, Date: "05/01/2022" cannot be read as a date in the format yyyy-MM-dd',
        '  row 4, How: "Pigeon" has no mapped meaning (a mode: in-person, video, phone, email, other)',
        '',
      ].join('\n'),
    );
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
  });

  it('refuses a mapping document that is not valid, naming each field', async () => {
    const mapping = world.folder.file('invalid.json');
    writeFileSync(mapping, JSON.stringify({ format: 'praxis-import-mapping', version: 9, name: 'X' }));
    const result = await runPraxis(
      ['import', 'interactions', qualtricsFile, '--org', slug(), '--mapping', mapping, '--dry-run'],
      world.t.env,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('is not a valid import mapping');
    expect(result.stderr).toContain('mapping.version');
    expect(result.stderr).toContain('mapping.engagement');
  });
});
