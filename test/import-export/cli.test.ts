import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redcapDictionaryColumns } from '../../src/domain/support/redcap.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { countInteractions, readXlsx, tempFolder, writeCsv } from './files.ts';

const header = 'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';

// Each case starts real `praxis` processes; allow for a loaded machine.
describe('praxis import and export interactions', { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let orgId: string;
  let slug: string;
  let adminEmail: string;
  let adminId: string;
  let good: string;
  let bad: string;
  const folder = tempFolder();

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    slug = built.organization.slug;
    adminEmail = built.admin.email;
    adminId = built.admin.userId;
    const engagementId = (await buildEngagement(t.store, orgId, adminId)).engagement.id;
    good = writeCsv(folder.file('good.csv'), [
      header,
      `a,${engagementId},2020-02-03,10:00,90,video,,relating,20,agree-roles;check-in,relationship-centered:4,individual=2,"Kick-off, with ""quotes"""`,
      `a,${engagementId},2020-02-03,10:00,90,video,,assessing,40,review-data,relationship-centered:4,individual=2,"Kick-off, with ""quotes"""`,
      `b,${engagementId},2020-02-10,,30,phone,,,,,,,`,
    ]);
    bad = writeCsv(folder.file('bad.csv'), [header, `a,${engagementId},2020-02-03,10:00,90,video,,relating,20,,,,`, `b,${engagementId},2020-02-31,10:00,90,video,,relating,20,,,,`]);
  });
  afterAll(async () => {
    await t.dispose();
    folder.dispose();
  });

  it('checks a file without writing on --dry-run, then imports it, exit 0', async () => {
    const dry = await runPraxis(['import', 'interactions', good, '--org', slug, '--dry-run'], t.env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('3 row(s) read, 2 interaction(s) (long layout); dry run: nothing was written\n');
    expect(await countInteractions(t.store, orgId)).toBe(0);

    const real = await runPraxis(['import', 'interactions', good, '--org', orgId, '--format', 'long', '--as', adminEmail], t.env);
    expect(real.code).toBe(0);
    expect(real.stdout).toBe('3 row(s) read, 2 interaction(s) (long layout); 2 interaction(s) written\n');
    const live = await t.store.tenant(orgId).interactions.allLive();
    expect(live).toHaveLength(2);
    expect(live.every((i) => i.loggedBy === adminId)).toBe(true);
    expect(live.find((i) => i.date === '2020-02-03')).toMatchObject({ notes: 'Kick-off, with "quotes"', participants: { counts: { individual: 2 } } });
  });

  it('exits 1 with the report, as text or JSON, and writes nothing when a row is bad', async () => {
    const before = await countInteractions(t.store, orgId);
    const text = await runPraxis(['import', 'interactions', bad, '--org', slug], t.env);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('2 row(s) read, 1 interaction(s) (long layout); nothing was written\n1 problem(s):\n  row 3, date: "2020-02-31" is not a date YYYY-MM-DD\n');
    const json = await runPraxis(['import', 'interactions', bad, '--org', slug, '--json'], t.env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ format: 'long', dryRun: false, rowsRead: 2, interactions: 1, written: 0, errors: [{ row: 3, column: 'date', message: '"2020-02-31" is not a date YYYY-MM-DD' }], errorCount: 1 });
    expect(await countInteractions(t.store, orgId)).toBe(before);
  });

  it('refuses an unknown --format and a missing file', async () => {
    const format = await runPraxis(['import', 'interactions', good, '--org', slug, '--format', 'tall'], t.env);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format');
    const missing = await runPraxis(['import', 'interactions', folder.file('nope.csv'), '--org', slug], t.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv');
  });

  it('exports long CSV, wide XLSX and REDCap records with their dictionary', async () => {
    const long = folder.file('out-long.csv');
    const longRun = await runPraxis(['export', 'interactions', '--org', slug, '--format', 'long', '--out', long], t.env);
    expect(longRun.code).toBe(0);
    const lines = readFileSync(long, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(4);

    const wide = folder.file('out-wide.xlsx');
    expect((await runPraxis(['export', 'interactions', '--org', slug, '--format', 'wide', '--out', wide], t.env)).code).toBe(0);
    const sheet = await readXlsx(wide);
    expect(sheet[0]!.slice(0, 4)).toEqual(['interaction_key', 'engagement_id', 'date', 'time']);
    expect(sheet[0]).toContain('minutes_relating');
    expect(sheet).toHaveLength(3);

    const records = folder.file('redcap.csv');
    const redcap = await runPraxis(['export', 'interactions', '--org', slug, '--format', 'redcap', '--out', records], t.env);
    expect(redcap.code).toBe(0);
    expect(redcap.stdout).toBe(`wrote ${records}\nwrote ${folder.file('redcap-dictionary.csv')}\n`);
    expect(readFileSync(records, 'utf8').split('\n')[0]).toMatch(/^record_id,engagement_id,/);
    expect(existsSync(folder.file('redcap-dictionary.csv'))).toBe(true);
    expect(readFileSync(folder.file('redcap-dictionary.csv'), 'utf8').split('\n')[0]).toBe(redcapDictionaryColumns.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
  });
});
