import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';

const header17 =
  'Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?';

describe('praxis instrument', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let orgId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    orgId = (await buildOrganization(t.store)).organization.id;
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-instrument-'));
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('lists the built-in instruments without a database', async () => {
    const result = await runPraxis(['instrument', 'list'], t.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('aim-support@1.0.0');
    expect(result.stdout).toContain('support-experience@1.0.0');
  });

  it('exports a built-in as a REDCap dictionary that imports back as a new version', async () => {
    const out = path.join(dir, 'aim.csv');
    const exported = await runPraxis(
      ['instrument', 'export', 'aim-support@1.0.0', '--format', 'redcap', '--out', out],
      t.env,
    );
    expect(exported.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('mean([aim_1],[aim_2],[aim_3],[aim_4])');
    const again = await runPraxis(['instrument', 'import', out, '--org', orgId], t.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('version: must be later than the latest published version (1.0.0)');
    writeFileSync(out, csv.replace('""version"":""1.0.0""', '""version"":""1.0.1""'));
    const imported = await runPraxis(['instrument', 'import', out, '--org', orgId], t.env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Published aim-support@1.0.1');
    const listed = await runPraxis(['instrument', 'list', '--org', orgId], t.env);
    expect(listed.stdout).toContain('aim-support@1.0.1');
    expect(listed.stdout).toContain('versions: 1.0.0, 1.0.1');
  });

  it('imports a 17-column dictionary and exports it as YAML', async () => {
    const file = path.join(dir, 'team.csv');
    writeFileSync(
      file,
      [
        header17,
        'tf_1,team_climate,,radio,"We plan, together","1, Rarely | 2, Often",,,,,,,y,,,,',
        'tf_2,team_climate,,radio,We follow up,"1, Rarely | 2, Often",,,,,,,,,,,',
        'tf,team_climate,,calc,Team climate,"mean([tf_1],[tf_2])",,,,,,,,,,,',
      ].join('\r\n'),
    );
    const imported = await runPraxis(['instrument', 'import', file, '--org', orgId], t.env);
    expect(imported.code).toBe(0);
    const yaml = await runPraxis(['instrument', 'export', 'team-climate', '--format', 'yaml', '--org', orgId], t.env);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain('text: We plan, together');
  });

  it('publishes a REDCap dictionary and exports it back cell for cell, record id first, no Record ID question', async () => {
    const fixture = path.resolve(import.meta.dirname, '../fixtures/redcap/partner-survey-18.csv');
    const imported = await runPraxis(['instrument', 'import', fixture, '--org', orgId], t.env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Published partner-survey@1.0.0');
    const out = path.join(dir, 'partner-survey.csv');
    const exported = await runPraxis(
      ['instrument', 'export', 'partner-survey', '--format', 'redcap', '--org', orgId, '--out', out],
      t.env,
    );
    expect(exported.code).toBe(0);
    const rows = (csv: string) => parse(csv) as string[][];
    expect(rows(readFileSync(out, 'utf8'))).toEqual(rows(readFileSync(fixture, 'utf8')));
  });

  it('exits 1 with row-level errors for an invalid dictionary', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(
      file,
      [header17, 'q1,f,,radio,One,"x, Yes | 2, No",,,,,,,,,,,', 'q2,f,,file,Upload,,,,,,,,,,,,'].join('\n'),
    );
    const result = await runPraxis(['instrument', 'import', file, '--org', orgId], t.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'row 2 (q1): Choices, Calculations, OR Slider Labels: choice "x, Yes": the code must be a whole number',
    );
    expect(result.stderr).toContain('row 3 (q2): Field Type: "file" is not supported');
  });
});
