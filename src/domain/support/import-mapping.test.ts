import { describe, expect, it } from 'vitest';
import {
  ImportMapping,
  parseDateCell,
  parseImportMapping,
  readSourceHeader,
  SourceMapper,
  splitChoices,
  type ImportMappingInput,
} from './import-mapping.ts';

const engagements = [
  { id: 'e1', name: 'North Valley' },
  { id: 'e2', name: 'Twin' },
  { id: 'e3', name: 'twin ' },
];

const base: ImportMappingInput = {
  format: 'praxis-import-mapping',
  version: 1,
  name: 'Test',
  engagement: { column: 'Site', names: { NV: 'North Valley' } },
  date: { column: 'Date', format: 'M/d/yyyy' },
  duration: { column: 'Minutes' },
  mode: { column: 'How', values: { 'Phone call': 'phone' } },
};
const header = ['Site', 'Date', 'How', 'Minutes', 'Stage', 'Comp', 'CompMin', 'Acts', 'Agree', 'P1', 'People', 'Next'];

function mapper(extra: Partial<ImportMappingInput> = {}, columns = header): SourceMapper {
  const read = readSourceHeader([{ cells: columns, row: 1 }], 'table');
  if ('errors' in read) throw new Error(JSON.stringify(read.errors));
  return new SourceMapper(ImportMapping.parse({ ...base, ...extra }), read.header, engagements);
}
const row = (values: Record<string, string>, columns = header): string[] => columns.map((c) => values[c] ?? '');
const good = { Site: 'NV', Date: '3/7/2021', How: 'Phone call', Minutes: '45' };

describe('reading the source header', () => {
  const qualtrics = [
    { cells: ['ResponseId', 'Q1'], row: 1 },
    { cells: ['Response ID', 'Which site?'], row: 2 },
    { cells: ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}'], row: 3 },
  ];

  it('tells a Qualtrics export by its ImportId row, keeping the question text', () => {
    expect(readSourceHeader(qualtrics, 'auto')).toEqual({
      header: {
        kind: 'qualtrics',
        columns: ['ResponseId', 'Q1'],
        questions: ['Response ID', 'Which site?'],
        headerRows: 3,
      },
    });
    expect(readSourceHeader(qualtrics.slice(0, 2), 'auto')).toMatchObject({ header: { kind: 'table', headerRows: 1 } });
  });

  it('refuses a file said to be Qualtrics without its ImportId row', () => {
    expect(readSourceHeader([qualtrics[0]!, qualtrics[1]!, { cells: ['a', 'b'], row: 3 }], 'qualtrics')).toEqual({
      errors: [
        { row: 3, column: '', message: 'is not a Qualtrics export: the third row should hold {"ImportId": …} cells' },
      ],
    });
  });

  it('refuses a column name given twice, naming it', () => {
    expect(readSourceHeader([{ cells: ['Site', 'Date', 'Site '], row: 1 }], 'table')).toEqual({
      errors: [{ row: 1, column: 'Site', message: 'appears more than once in the header' }],
    });
  });
});

describe('mapping rows', () => {
  it('maps a row to the native wide cells', () => {
    const m = mapper({
      stage: { column: 'Stage', values: { Exploration: 'readiness-exploration' } },
      components: { columns: { relating: 'CompMin' } },
      activities: [{ column: 'Agree', activity: 'relating/agree-roles' }],
      principles: [{ column: 'P1', principle: 'data-informed', rated: true }],
      ratings: { 'Strongly agree': 5 },
      participants: { individual: 'People' },
      nextSteps: { column: 'Next', delimiter: ';' },
      notes: ['Acts'],
    });
    const mapped = m.map(
      row({
        ...good,
        Stage: 'exploration',
        CompMin: '30',
        Agree: 'x',
        P1: 'Strongly agree',
        People: '4',
        Next: 'Send notes; Book call',
        Acts: 'Went well',
      }),
      2,
    );
    expect(mapped.errors).toEqual([]);
    expect(Object.fromEntries(m.nativeHeader.map((c, i) => [c, mapped.cells[i]]))).toEqual({
      engagement_id: 'e1',
      date: '2021-03-07',
      time: '',
      duration_minutes: '45',
      mode: 'phone',
      stage_id: 'readiness-exploration',
      principle_ids: 'data-informed:5',
      participant_counts: 'individual=4',
      notes: 'Went well',
      minutes_relating: '30',
      activities_relating: 'agree-roles',
    });
    expect(mapped.nextSteps.map((s) => s.text)).toEqual(['Send notes', 'Book call']);
  });

  it('reports an engagement name that matches none or several', () => {
    const m = mapper();
    expect(m.map(row({ ...good, Site: 'Elsewhere' }), 2).errors).toEqual([
      { row: 2, column: 'Site', message: '"Elsewhere" matches no engagement of this organization' },
    ]);
    expect(m.map(row({ ...good, Site: 'TWIN' }), 3).errors).toEqual([
      {
        row: 3,
        column: 'Site',
        message: '"TWIN" matches 2 engagements (e2, e3); map it to one id in the engagement table',
      },
    ]);
    // An id is taken as it is.
    expect(m.map(row({ ...good, Site: 'e2' }), 4).errors).toEqual([]);
  });

  it('reports a date or time the format cannot read', () => {
    const m = mapper({ time: { column: 'Stage', format: 'h:mm a' } });
    expect(m.map(row({ ...good, Date: '2021-03-07', Stage: '25:00' }), 5).errors).toEqual([
      { row: 5, column: 'Date', message: '"2021-03-07" cannot be read as a date in the format M/d/yyyy' },
      { row: 5, column: 'Stage', message: '"25:00" cannot be read as a time in the format h:mm a' },
    ]);
    expect(m.map(row({ ...good, Stage: '2:30 PM' }), 6).cells[2]).toBe('14:30');
  });

  it('reports every value with no mapped meaning', () => {
    const m = mapper({
      stage: { column: 'Stage', values: {} },
      components: { pairs: [{ component: 'Comp', minutes: 'CompMin' }], values: { Relationships: 'relating' } },
      activities: [{ column: 'Acts', values: { 'Map people, resources': 'assessing/map-context' } }],
      principles: [{ column: 'P1', principle: 'data-informed', rated: true }],
    });
    const mapped = m.map(
      row({
        ...good,
        How: 'Fax',
        Stage: 'Stage two!',
        Comp: 'Juggling',
        CompMin: '10',
        Acts: 'Map people, resources,Dance',
        P1: 'Meh',
      }),
      7,
    );
    expect(mapped.errors).toEqual([
      { row: 7, column: 'Comp', message: '"Juggling" has no mapped meaning (add it to the component values)' },
      { row: 7, column: 'How', message: '"Fax" has no mapped meaning (a mode: in-person, video, phone, email, other)' },
      { row: 7, column: 'Stage', message: '"Stage two!" has no mapped meaning (add it to the stage values)' },
      { row: 7, column: 'Acts', message: '"Dance" has no mapped meaning (add it to the activity values)' },
      { row: 7, column: 'P1', message: '"Meh" is not a rating 1–5 and has no mapped meaning (add it to the ratings)' },
    ]);
    expect(mapped.refused).toEqual(['', 'mode', 'stage_id', '', 'principle_ids']);
  });

  it('reports minutes, durations and counts that are not whole numbers', () => {
    const m = mapper({ components: { columns: { relating: 'CompMin' } }, participants: { team: 'People' } });
    expect(m.map(row({ ...good, Minutes: 'an hour', CompMin: '1.5', People: 'some' }), 8).errors).toEqual([
      { row: 8, column: 'CompMin', message: '"1.5" is not a whole number of minutes' },
      { row: 8, column: 'Minutes', message: '"an hour" is not a whole number of minutes and has no mapped meaning' },
      { row: 8, column: 'People', message: '"some" is not a whole number of participants' },
    ]);
    const hours = mapper({ duration: { column: 'Minutes', unit: 'hours', values: { 'Half a day': 240 } } });
    expect(hours.map(row({ ...good, Minutes: '1.5' }), 9).cells[3]).toBe('90');
    expect(hours.map(row({ ...good, Minutes: 'half a day' }), 9).cells[3]).toBe('240');
  });

  it('sums the components when there is no duration column, and leaves out rows `include` does not take', () => {
    const m = mapper({
      duration: { fromComponents: true },
      components: { columns: { relating: 'CompMin', assessing: 'Comp' } },
      include: { column: 'Stage', values: ['True'] },
    });
    expect(m.map(row({ ...good, Stage: 'True', CompMin: '20', Comp: '15' }), 2).cells[3]).toBe('35');
    expect(m.map(row({ ...good, Stage: 'False' }), 3).included).toBe(false);
  });

  it('names every mapped column the file does not have', () => {
    const m = mapper({ notes: ['Comments'], nextSteps: { column: 'Follow-up', delimiter: '\n' } });
    expect(m.missingColumns()).toEqual([
      { row: 1, column: 'Comments', message: 'is named by the mapping but is not a column of the file' },
      { row: 1, column: 'Follow-up', message: 'is named by the mapping but is not a column of the file' },
    ]);
  });
});

describe('helpers', () => {
  it('splits multi-select cells at known choices that hold commas', () => {
    const known = new Set(['Map people, resources and initiatives', 'Give feedback']);
    expect(splitChoices('Give feedback,Map people, resources and initiatives', ',', known)).toEqual([
      'Give feedback',
      'Map people, resources and initiatives',
    ]);
    expect(splitChoices('Give feedback,Unknown', ',', known)).toEqual(['Give feedback', 'Unknown']);
    expect(splitChoices(' ', ',', known)).toEqual([]);
  });

  it('reads dates in date-fns patterns and the ISO ones alike', () => {
    expect(parseDateCell('2020-02-29 13:05:09', 'yyyy-MM-dd HH:mm:ss')).toEqual({ date: '2020-02-29', time: '13:05' });
    expect(parseDateCell('2021-02-29', 'yyyy-MM-dd')).toBeNull();
    expect(parseDateCell('29.2.2020', 'd.M.yyyy')).toEqual({ date: '2020-02-29', time: '00:00' });
    expect(parseDateCell('31/02/2020', 'dd/MM/yyyy')).toBeNull();
  });

  it('names every problem of a mapping document by its path', () => {
    expect(parseImportMapping('{')).toMatchObject({ errors: [{ path: '' }] });
    const result = parseImportMapping({ ...base, version: 2, mode: { value: 'carrier' } });
    expect('errors' in result && result.errors.map((e) => e.path)).toEqual(['version', 'mode']);
    expect(parseImportMapping(JSON.stringify(base))).toMatchObject({ mapping: { name: 'Test', source: 'auto' } });
    expect(parseImportMapping({ ...base, date: { column: 'Date', format: 'DD/MM/YYYY' } })).toEqual({
      errors: [
        {
          path: 'date.format',
          message: expect.stringMatching(/^is not a date pattern: use yyyy, /),
        },
      ],
    });
  });
});
