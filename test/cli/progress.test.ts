import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praxisBin, runPraxis, type CliResult } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { tempFolder } from '../import-export/files.ts';
import { writeLargeLongCsv } from '../import-export/large-file.ts';

/** Runs `praxis` on a terminal of its own (util-linux `script`), where standard output and error are that terminal. */
function runPraxisOnTerminal(args: string[], env: Record<string, string>): Promise<CliResult> {
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, praxisBin, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

// Real `praxis` processes start slowly on a loaded machine.
describe('progress of long CLI work', { timeout: 300_000 }, () => {
  let t: TestDatabase;
  let slug: string;
  let engagementId: string;
  const files = tempFolder();
  let csv: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const { organization, admin } = await buildOrganization(t.store, 'Progress Org');
    slug = organization.slug;
    engagementId = (await buildEngagement(t.store, organization.id, admin.userId, '2020-01-01')).engagement.id;
    csv = files.file('interactions.csv');
    // About 15,000 rows: several reports of progress, and seconds of work.
    writeLargeLongCsv(csv, engagementId, 3_000_000);
  });
  afterAll(async () => {
    await t.dispose();
    files.dispose();
  });

  it('writes no progress when standard error is not a terminal: import, export, research export, check, report', async () => {
    const runs: [string, string[]][] = [
      ['import', ['import', 'interactions', csv, '--org', slug]],
      ['export', ['export', 'interactions', '--org', slug, '--format', 'long', '--out', files.file('long.csv')]],
      [
        'research export',
        ['export', 'research', '--org', slug, '--key', 'a-key-of-sixteen-chars', '--out', files.file('r.zip')],
      ],
      ['check', ['check', '--org', slug]],
      ['report', ['report', 'organization', '--org', slug, '--format', 'pdf', '--out', files.file('org.pdf')]],
    ];
    for (const [name, args] of runs) {
      const result = await runPraxis(args, t.env);
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 0, stderr: '' });
    }
  });

  it('shows rows, rate and time left in place on a terminal, and nothing with --json', async () => {
    const shown = await runPraxisOnTerminal(['import', 'interactions', csv, '--org', slug, '--dry-run'], t.env);
    expect(shown.code).toBe(0);
    // The terminal's "erase to the end of the line", named so the patterns below can be read.
    const screen = shown.stdout.replaceAll('\x1b[K', '<erase>');
    expect(screen).toMatch(/\rimport: [\d,]+ \/ [\d,]+ rows \(\d+%\), [\d,]+ rows\/s, \d+:\d\d left<erase>/);
    // The line is cleared before the summary is printed.
    expect(screen).toMatch(/\r<erase>[\d,]+ rows? read/);

    const json = await runPraxisOnTerminal(
      ['import', 'interactions', csv, '--org', slug, '--dry-run', '--json'],
      t.env,
    );
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain('import: ');
    expect(JSON.parse(json.stdout).dryRun).toBe(true);
  });

  it('shows progress on a terminal for export, the research export, check and report', async () => {
    // About 50,000 rows in a second engagement: each command works long past the first redraw (200 ms).
    const { organization, admin } = await buildOrganization(t.store, 'Progress Org Terminal');
    const second = (await buildEngagement(t.store, organization.id, admin.userId, '2020-01-01')).engagement.id;
    const large = files.file('large.csv');
    writeLargeLongCsv(large, second, 10_000_000);
    const imported = await runPraxis(['import', 'interactions', large, '--org', organization.slug], t.env);
    expect(imported.code).toBe(0);

    const runs: [string, string[]][] = [
      [
        'export',
        ['export', 'interactions', '--org', organization.slug, '--format', 'long', '--out', files.file('t.csv')],
      ],
      [
        'research export',
        [
          'export',
          'research',
          '--org',
          organization.slug,
          '--key',
          'a-key-of-sixteen-chars',
          '--out',
          files.file('t.zip'),
        ],
      ],
      [`check ${organization.slug}`, ['check', '--org', organization.slug]],
      [
        'report',
        ['report', 'organization', '--org', organization.slug, '--format', 'pdf', '--out', files.file('t.pdf')],
      ],
    ];
    for (const [label, args] of runs) {
      const shown = await runPraxisOnTerminal(args, t.env);
      expect({ label, code: shown.code }).toEqual({ label, code: 0 });
      const screen = shown.stdout.replaceAll('\x1b[K', '<erase>');
      // Drawn in place (carriage return, the count and its unit, erase), then cleared before the summary.
      expect({
        label,
        drawn: new RegExp(`\\r${label}: [\\d,]+ (/ [\\d,]+ )?[a-z]+\\b[^\\r]*<erase>`).test(screen),
      }).toEqual({
        label,
        drawn: true,
      });
      expect(screen).toMatch(/\r<erase>/);
    }
  });
});
