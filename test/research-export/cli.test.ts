import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildResearchWorld, readCsv, unzipExport, type ResearchWorld } from './world.ts';

const key = 'research key of the command line';

// Each case starts a real `praxis` process; allow for a loaded machine.
describe('praxis export research', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let world: ResearchWorld;
  let folder: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    world = await buildResearchWorld(t.store);
    folder = mkdtempSync(path.join(tmpdir(), 'praxis-research-'));
  }, 180_000);
  afterAll(async () => {
    await t.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const engagementIds = (file: string): string[] =>
    readCsv(unzipExport(readFileSync(file)), 'data/engagements.csv').rows.map((r) => r[0]!);

  it('writes a zip that unzip lists, prints row counts, and gives the same pseudonyms for the same key from --key or PRAXIS_EXPORT_KEY', async () => {
    const out = path.join(folder, 'export.zip');
    const result = await runPraxis(['export', 'research', '--org', world.slug, '--out', out, '--key', key], t.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`data/interactions.csv: ${world.interactions.length} rows\n`);
    expect(result.stdout).toContain(`wrote ${out}\n`);
    expect(result.stdout).not.toContain('export key');
    const listing = execFileSync('unzip', ['-l', out], { encoding: 'utf8' });
    for (const name of [
      'data/interactions.csv',
      'codebook.md',
      'analysis.R',
      'README.txt',
      'models/eis-toc@1.0.0.json',
    ])
      expect(listing).toContain(name);
    expect(execFileSync('unzip', ['-tq', out], { encoding: 'utf8' })).toMatch(/No errors detected/);

    const fromEnvironment = path.join(folder, 'again.zip');
    expect(
      (
        await runPraxis(['export', 'research', '--org', world.organizationId, '--out', fromEnvironment], {
          ...t.env,
          PRAXIS_EXPORT_KEY: key,
        })
      ).code,
    ).toBe(0);
    expect(engagementIds(fromEnvironment)).toEqual(engagementIds(out));
  });

  it('generates a key and prints it once when none is given; that key reproduces the pseudonyms', async () => {
    const out = path.join(folder, 'generated.zip');
    const result = await runPraxis(['export', 'research', '--org', world.slug, '--out', out], {
      ...t.env,
      PRAXIS_EXPORT_KEY: '',
    });
    expect(result.code).toBe(0);
    const printed = result.stdout.trim().split('\n').at(-1)!;
    expect(printed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.stdout.split(printed)).toHaveLength(2);
    const again = path.join(folder, 'generated-again.zip');
    expect(
      (await runPraxis(['export', 'research', '--org', world.slug, '--out', again, '--key', printed], t.env)).code,
    ).toBe(0);
    expect(engagementIds(again)).toEqual(engagementIds(out));
    expect(engagementIds(out)).not.toEqual(engagementIds(path.join(folder, 'export.zip')));
  });

  it('limits to one engagement and a date range', async () => {
    const out = path.join(folder, 'one.zip');
    const engagement = world.engagements[0]!;
    const result = await runPraxis(
      [
        'export',
        'research',
        '--org',
        world.slug,
        '--out',
        out,
        '--key',
        key,
        '--engagement',
        engagement.id,
        '--from',
        '2020-02-01',
        '--to',
        '2020-03-31',
      ],
      t.env,
    );
    expect(result.code).toBe(0);
    const expected = world.interactions.filter(
      (i) => i.engagementId === engagement.id && i.date >= '2020-02-01' && i.date <= '2020-03-31',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`data/interactions.csv: ${expected.length} rows\n`);
    expect(result.stdout).toContain('data/engagements.csv: 1 rows\n');
  });

  it('exits 1 naming the option for a short key, a bad date and an unknown engagement, and leaves no file', async () => {
    const out = path.join(folder, 'refused.zip');
    const short = await runPraxis(['export', 'research', '--org', world.slug, '--out', out, '--key', 'short'], t.env);
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('error: The export key is too short\n  --key: must be at least 16 characters\n');
    const date = await runPraxis(
      ['export', 'research', '--org', world.slug, '--out', out, '--key', key, '--from', '2020-02-31'],
      t.env,
    );
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/--from: must be a date YYYY-MM-DD/);
    const unknown = await runPraxis(
      ['export', 'research', '--org', world.slug, '--out', out, '--key', key, '--engagement', 'nope'],
      t.env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: Engagement "nope" not found\n');
    expect(existsSync(out)).toBe(false);
  });
});
