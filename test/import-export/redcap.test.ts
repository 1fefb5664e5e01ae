import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/app/interactions/export-files.ts';
import { redcapDictionaryColumns, redcapName, redcapProject } from '../../src/domain/support/redcap.ts';
import { Interaction } from '../../src/domain/support/schemas.ts';
import { eisToc } from '../../src/model/builtin/eis-toc.ts';
import type { PracticeModel } from '../../src/model/schema.ts';

const interaction = Interaction.parse({
  id: 'i-1',
  version: 1,
  createdAt: '2020-02-03T10:00:00Z',
  updatedAt: '2020-02-03T10:00:00Z',
  deletedAt: null,
  engagementId: 'e-1',
  date: '2020-02-03',
  time: '10:00',
  durationMinutes: 90,
  mode: 'phone',
  stageId: 'readiness-exploration',
  participants: { contactIds: [], counts: { team: 4 } },
  components: [
    { componentId: 'relating', minutes: 20, activityIds: ['agree-roles'] },
    { componentId: 'co-designing', minutes: 30, activityIds: [] },
  ],
  principles: [{ principleId: 'data-informed', rating: 3 }],
  notes: 'Planning call',
  nextSteps: [],
  modelId: 'eis-toc',
  modelVersion: '1.0.0',
  loggedBy: 'u-1',
});

describe('the REDCap export', () => {
  const project = redcapProject([eisToc]);
  const record = Object.fromEntries(
    project.recordHeader.map((column, i) => [column, project.recordRow(interaction)[i]]),
  );

  it('writes a data dictionary with the standard 18 columns in order, one form, valid field names', () => {
    expect(project.dictionaryHeader).toEqual([...redcapDictionaryColumns]);
    expect(project.dictionaryHeader).toHaveLength(18);
    expect(project.dictionaryHeader[0]).toBe('Variable / Field Name');
    expect(project.dictionaryHeader[17]).toBe('Field Annotation');
    for (const row of project.dictionaryRows) {
      expect(row).toHaveLength(18);
      expect(row[0]).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(row[0]).not.toContain('___');
      expect(row[1]).toBe('interaction');
    }
    expect(project.dictionaryRows[0]![0]).toBe('record_id');
    expect(new Set(project.dictionaryRows.map((r) => r[0])).size).toBe(project.dictionaryRows.length);
  });

  it('lists choices as "code, Label | code, Label" and keeps the Praxis ids in the annotation', () => {
    const mode = project.dictionaryRows.find((r) => r[0] === 'mode')!;
    expect(mode[3]).toBe('dropdown');
    expect(mode[5]).toBe('1, in-person | 2, video | 3, phone | 4, email | 5, other');
    const relating = project.dictionaryRows.find((r) => r[0] === 'activities_relating')!;
    expect(relating[3]).toBe('checkbox');
    expect(relating[5]).toMatch(/^agree_roles, [^|]+ \| /);
    expect(relating[17]).toContain('agree_roles = agree-roles');
    expect(project.dictionaryRows.find((r) => r[0] === 'interaction_date')![7]).toBe('date_ymd');
  });

  it('writes flat records with one 0/1 column per checkbox choice, named field___code', () => {
    expect(project.recordHeader[0]).toBe('record_id');
    expect(project.recordHeader).toContain('activities_relating___agree_roles');
    expect(project.recordHeader).toContain('activities_co_designing___set_goals');
    const checkboxColumns = project.recordHeader.filter((c) => c.includes('___'));
    expect(checkboxColumns.length).toBe(
      eisToc.components.reduce((n, c) => n + c.activities.length, 0) + eisToc.principles.length,
    );
    for (const column of checkboxColumns) expect(['0', '1']).toContain(record[column]);
    expect(record).toMatchObject({
      record_id: 'i-1',
      mode: '3',
      interaction_date: '2020-02-03',
      participants_team: '4',
      participants_individual: '',
      minutes_relating: '20',
      minutes_co_designing: '30',
      minutes_assessing: '',
      activities_relating___agree_roles: '1',
      activities_relating___check_in: '0',
      principles___data_informed: '1',
      principles___relationship_centered: '0',
      rating_data_informed: '3',
    });
    // Every record column belongs to a dictionary field (a checkbox column to its checkbox field).
    const fields = new Set(project.dictionaryRows.map((r) => r[0]));
    for (const column of project.recordHeader) expect(fields.has(column.split('___')[0]!)).toBe(true);
  });

  it('maps ids to REDCap names without clashes', () => {
    expect(redcapName('Co--Designing.v2')).toBe('co_designing_v2');
    expect(redcapName('-x-')).toBe('x');
    const clashing: PracticeModel = {
      ...eisToc,
      components: [
        {
          ...eisToc.components[0]!,
          id: 'a-b',
          activities: [
            { ...eisToc.components[0]!.activities[0]!, id: 'x-y' },
            { ...eisToc.components[0]!.activities[0]!, id: 'x_y' },
          ],
        },
        { ...eisToc.components[0]!, id: 'a_b', activities: [] },
      ],
    };
    const names = redcapProject([clashing]).dictionaryRows.map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['minutes_a_b', 'minutes_a_b_2', 'activities_a_b']));
    expect(redcapProject([clashing]).recordHeader).toEqual(
      expect.arrayContaining(['activities_a_b___x_y', 'activities_a_b___x_y_2']),
    );
  });

  it('writes labels and notes that a spreadsheet would read as formulas with a leading apostrophe', async () => {
    const starts = ['=', '+', '-', '@', '\t', '\r'];
    const hostile: PracticeModel = {
      ...eisToc,
      components: eisToc.components.slice(0, 6).map((component, i) => ({
        ...component,
        name: `${starts[i]}HYPERLINK("http://evil.example")`,
      })),
      principles: eisToc.principles.map((principle) => ({ ...principle, name: `@${principle.name}` })),
    };
    const form = redcapProject([hostile]);
    const csvOf = async (rows: string[][]): Promise<string[][]> => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      await writeCsv(
        (async function* () {
          yield rows;
        })(),
        out,
        { bom: false },
      );
      return parse(Buffer.concat(chunks).toString('utf8')) as string[][];
    };
    const dictionary = await csvOf([form.dictionaryHeader, ...form.dictionaryRows]);
    const labels = dictionary.filter((row) => row[0]!.startsWith('minutes_')).map((row) => row[4]);
    expect(labels).toEqual(starts.map((c) => `'${c}HYPERLINK("http://evil.example"): minutes`));
    const ratingLabels = dictionary.filter((row) => row[0]!.startsWith('rating_')).map((row) => row[4]!);
    expect(ratingLabels.length).toBe(eisToc.principles.length);
    for (const label of ratingLabels) expect(label).toMatch(/^'@/);

    const records = await csvOf(
      [...starts, 'Planning call'].map((c, i) =>
        form.recordRow({ ...interaction, id: `i-${i}`, notes: c === 'Planning call' ? c : `${c}1+1` }),
      ),
    );
    const notes = records.map((row) => row[form.recordHeader.indexOf('notes')]);
    expect(notes).toEqual([...starts.map((c) => `'${c}1+1`), 'Planning call']);
    // Whole numbers written by Praxis stay as they are.
    expect(records[0]![form.recordHeader.indexOf('duration_minutes')]).toBe('90');
  });
});
