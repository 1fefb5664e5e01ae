import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redcapDictionaryColumns } from '../../src/domain/support/redcap.ts';
import { runPraxis } from '../support/cli.ts';
import { countInteractions, importWorld, readXlsx, writeCsv, type ImportWorld } from './files.ts';

const header =
  'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';

// Each case starts real `praxis` processes; allow for a loaded machine.
describe('praxis import and export interactions', { timeout: 120_000 }, () => {
  let world: ImportWorld;
  let slug: string;
  let adminEmail: string;
  let adminId: string;
  let good: string;
  let bad: string;

  beforeAll(async () => {
    world = await importWorld();
    slug = world.organization.slug;
    adminEmail = world.admin.email;
    adminId = world.admin.userId;
    good = writeCsv(world.folder.file('good.csv'), [
      header,
      `a,${world.engagementId},2020-02-03,10:00,90,video,,relating,20,agree-roles;check-in,relationship-centered:4,individual=2,"Kick-off, with ""quotes"""`,
      `a,${world.engagementId},2020-02-03,10:00,90,video,,assessing,40,review-data,relationship-centered:4,individual=2,"Kick-off, with ""quotes"""`,
      `b,${world.engagementId},2020-02-10,,30,phone,,,,,,,`,
    ]);
    bad = writeCsv(world.folder.file('bad.csv'), [
      header,
      `a,${world.engagementId},2020-02-03,10:00,90,video,,relating,20,,,,`,
      `b,${world.engagementId},2020-02-31,10:00,90,video,,relating,20,,,,`,
    ]);
  });
  afterAll(() => world.dispose());

  it('checks a file without writing on --dry-run, then imports it, exit 0', async () => {
    const dry = await runPraxis(['import', 'interactions', good, '--org', slug, '--dry-run'], world.t.env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('3 rows read, 2 interactions (long layout); dry run: nothing was written\n');
    expect(await countInteractions(world.t.store, world.orgId)).toBe(0);

    const real = await runPraxis(
      ['import', 'interactions', good, '--org', world.orgId, '--format', 'long', '--as', adminEmail],
      world.t.env,
    );
    expect(real.code).toBe(0);
    expect(real.stdout).toBe('3 rows read, 2 interactions (long layout); 2 interactions written\n');
    const live = await world.t.store.tenant(world.orgId).interactions.allLive();
    expect(live).toHaveLength(2);
    expect(live.every((i) => i.loggedBy === adminId)).toBe(true);
    expect(live.find((i) => i.date === '2020-02-03')).toMatchObject({
      notes: 'Kick-off, with "quotes"',
      participants: { counts: { individual: 2 } },
    });
  });

  it('exits 1 with the report, as text or JSON, and writes nothing when a row is bad', async () => {
    const before = await countInteractions(world.t.store, world.orgId);
    const text = await runPraxis(['import', 'interactions', bad, '--org', slug], world.t.env);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(
      '2 rows read, 1 interaction (long layout); nothing was written\n1 problem:\n  row 3, date: "2020-02-31" is not a date YYYY-MM-DD\n',
    );
    const json = await runPraxis(['import', 'interactions', bad, '--org', slug, '--json'], world.t.env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      format: 'long',
      dryRun: false,
      rowsRead: 2,
      interactions: 1,
      written: 0,
      errors: [{ row: 3, column: 'date', message: '"2020-02-31" is not a date YYYY-MM-DD' }],
      errorCount: 1,
    });
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
  });

  it('refuses an unknown --format and a missing file', async () => {
    const format = await runPraxis(['import', 'interactions', good, '--org', slug, '--format', 'tall'], world.t.env);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format');
    const missing = await runPraxis(
      ['import', 'interactions', world.folder.file('nope.csv'), '--org', slug],
      world.t.env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv');
  });

  it('exports long CSV, wide XLSX and REDCap records with their dictionary', async () => {
    const long = world.folder.file('out-long.csv');
    const longRun = await runPraxis(
      ['export', 'interactions', '--org', slug, '--format', 'long', '--out', long],
      world.t.env,
    );
    expect(longRun.code).toBe(0);
    const lines = readFileSync(long, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(4);

    const wide = world.folder.file('out-wide.xlsx');
    expect(
      (await runPraxis(['export', 'interactions', '--org', slug, '--format', 'wide', '--out', wide], world.t.env)).code,
    ).toBe(0);
    const sheet = await readXlsx(wide);
    expect(sheet[0]!.slice(0, 4)).toEqual(['interaction_key', 'engagement_id', 'date', 'time']);
    expect(sheet[0]).toContain('minutes_relating');
    expect(sheet).toHaveLength(3);

    const records = world.folder.file('redcap.csv');
    const redcap = await runPraxis(
      ['export', 'interactions', '--org', slug, '--format', 'redcap', '--out', records],
      world.t.env,
    );
    expect(redcap.code).toBe(0);
    expect(redcap.stdout).toBe(`wrote ${records}\nwrote ${world.folder.file('redcap-dictionary.csv')}\n`);
    expect(readFileSync(records, 'utf8').split('\n')[0]).toMatch(/^record_id,engagement_id,/);
    expect(existsSync(world.folder.file('redcap-dictionary.csv'))).toBe(true);
    expect(readFileSync(world.folder.file('redcap-dictionary.csv'), 'utf8').split('\n')[0]).toBe(
      redcapDictionaryColumns.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );
  });
});
