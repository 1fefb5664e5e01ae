import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/eis-toc.ts';
import { builtinInstruments, ispSelfAssessment } from './builtin/index.ts';
import { supportExperienceSurvey } from './builtin/support-experience.ts';
import { formatInstrument, parseInstrumentText } from './format.ts';
import { Instrument } from './instrument.ts';
import { formatRedcapDictionary, parseRedcapDictionary, plainLabel } from './redcap-dictionary.ts';
import { formatRedcapRecords, parseRedcapRecords } from './redcap-records.ts';

const header18 =
  'Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation';
const header17 = header18.slice(0, header18.lastIndexOf(',Field Annotation'));

const mixed = Instrument.parse({
  id: 'mixed-scale',
  version: '2.1.0',
  name: 'Mixed, with commas',
  citation: 'Someone, 2020',
  items: [
    {
      id: 'q-1',
      text: 'Fits, "well"',
      required: true,
      type: 'agreement',
      anchors: [1, 2, 3, 4].map((value) => ({ value, label: `Level ${value}, roughly` })),
    },
    {
      id: 'q_2',
      text: 'Reversed',
      type: 'agreement',
      anchors: [1, 2, 3, 4].map((value) => ({ value, label: `L${value}` })),
    },
    { id: 'hours', text: 'Hours a week', type: 'numeric', min: 0, max: 60.5, integer: false },
    {
      id: 'role',
      text: 'Role',
      type: 'single-choice',
      choices: [
        { value: 1, label: 'Lead' },
        { value: 2, label: 'Staff' },
      ],
    },
    {
      id: 'tools',
      text: 'Tools used',
      type: 'multiple-choice',
      choices: [
        { value: 1, label: 'Guide' },
        { value: 2, label: 'Checklist' },
      ],
    },
    { id: 'comment', text: 'Comments', type: 'free-text', maxLength: 500 },
  ],
  scores: [
    {
      id: 'total',
      name: 'Total',
      method: 'sum',
      items: ['q-1', 'q_2'],
      reverse: ['q_2'],
      minAnswered: 1,
      outcomeId: 'engagement',
      level: 'team',
    },
  ],
});

describe('REDCap data dictionary', () => {
  it('round-trips every built-in instrument, the self-assessment and a mixed instrument exactly', () => {
    for (const instrument of [...builtinInstruments, ispSelfAssessment(eisToc), mixed]) {
      const csv = formatRedcapDictionary(instrument);
      expect(csv.split('\r\n')[0]).toBe(header18);
      const parsed = parseRedcapDictionary(csv);
      expect(parsed).toEqual({ ok: true, value: instrument });
    }
  });

  it('writes reverse items as (min + max − item) in a mean/sum calc field', () => {
    expect(formatRedcapDictionary(mixed)).toContain('sum([q_1],(5-[q_2]))');
  });

  it('reads the 17-column variant, quoted commas, CRLF inside and between rows, and HTML labels', () => {
    const csv = [
      header17,
      'rel_1,partner_survey,,radio,"<b>Our</b> ISP, in general,<br>listens","1, Never, or almost | 2, Sometimes | 3, Often",,,,,,,y,,,,',
      'rel_2,partner_survey,,radio,"We trust\r\nour ISP &amp; team","1, Never | 2, Sometimes | 3, Often",,,,,,,,,,,',
      'minutes,partner_survey,,text,Minutes,,,integer,0,600,,,,,,,',
      'remark,partner_survey,,notes,<i>Anything else?</i>,,,,,,,,,,,,',
      'rel_score,partner_survey,,calc,Relationship,"mean([rel_1],(4-[rel_2]))",,,,,,,,,,,',
    ].join('\r\n');
    const parsed = parseRedcapDictionary(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ id: 'partner-survey', version: '1.0.0', name: 'partner_survey' });
    expect(parsed.value.items).toEqual([
      {
        id: 'rel_1',
        text: 'Our ISP, in general, listens',
        required: true,
        type: 'single-choice',
        choices: [
          { value: 1, label: 'Never, or almost' },
          { value: 2, label: 'Sometimes' },
          { value: 3, label: 'Often' },
        ],
      },
      {
        id: 'rel_2',
        text: 'We trust our ISP & team',
        required: false,
        type: 'single-choice',
        choices: [
          { value: 1, label: 'Never' },
          { value: 2, label: 'Sometimes' },
          { value: 3, label: 'Often' },
        ],
      },
      { id: 'minutes', text: 'Minutes', required: false, type: 'numeric', min: 0, max: 600, integer: true },
      { id: 'remark', text: 'Anything else?', required: false, type: 'free-text', maxLength: 2000 },
    ]);
    expect(parsed.value.scores).toEqual([
      { id: 'rel_score', name: 'Relationship', method: 'mean', items: ['rel_1', 'rel_2'], reverse: ['rel_2'] },
    ]);
  });

  it('strips tags for display and keeps their text', () => {
    expect(plainLabel('<p style="x">How <b>often</b>&nbsp;do&#39;s &lt;3</p>')).toBe("How often do's <3");
  });

  it('reports problems by row and column, including a calc that names a missing field', () => {
    const csv = [
      header18,
      'q1,f,,radio,One,"a, Yes | 2, No",,,,,,,,,,,,',
      'q2,f,,slidr,Two,,,,,,,,,,,,,',
      'n1,f,,text,Number,,,integer,,,,,,,,,,',
      'q3,g,,radio,Three,"1, Yes | 2, No",,,,,,,,,,,,',
      's,f,,calc,S,"mean([q1],[nope])",,,,,,,,,,,,',
    ].join('\n');
    const parsed = parseRedcapDictionary(csv);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      {
        path: 'row 2 (q1): Choices, Calculations, OR Slider Labels',
        message: 'choice "a, Yes": the code must be a whole number',
      },
      {
        path: 'row 3 (q2): Field Type',
        message:
          '"slidr" is not supported (use text, notes, radio, dropdown, checkbox, yesno, truefalse, slider, calc or descriptive)',
      },
      {
        path: 'row 4 (n1): Text Validation Min',
        message: 'a numeric field needs a Text Validation Min and Max (Praxis scores need a known range)',
      },
      {
        path: 'row 5 (q3): Form Name',
        message: 'is "g"; the dictionary must hold one form ("f") — import one instrument at a time',
      },
    ]);
    const calc = parseRedcapDictionary(
      [header18, 'q1,f,,radio,One,"1, Yes | 2, No",,,,,,,,,,,,', 's,f,,calc,S,"mean([q1],[nope])",,,,,,,,,,,,'].join(
        '\n',
      ),
    );
    expect(calc).toEqual({
      ok: false,
      errors: [{ path: 'row 3 (s): items[1]', message: 'names item "nope", which the instrument does not have' }],
    });
  });

  it('refuses a file that is not a data dictionary', () => {
    expect(parseRedcapDictionary('a,b,c\n1,2,3')).toEqual({
      ok: false,
      errors: [{ path: 'row 1', message: expect.stringContaining('is not a REDCap data dictionary header') }],
    });
  });

  it('guards text a spreadsheet would read as a formula, keeps negative bounds as numbers, and reads it all back', () => {
    const hostile = Instrument.parse({
      id: 'hostile-scale',
      version: '1.0.0',
      name: '=HYPERLINK("http://evil.example")',
      items: [
        {
          id: 'q1',
          text: "+cmd|' /C calc'!A0",
          type: 'agreement',
          anchors: [-2, -1, 0, 1, 2].map((value) => ({
            value,
            label: value < 0 ? `-${-value} disagree` : `@${value}`,
          })),
        },
        {
          id: 'q2',
          text: '-1+1',
          type: 'single-choice',
          choices: [
            { value: 1, label: '=1' },
            { value: 2, label: 'Two' },
          ],
        },
        { id: 'q3', text: '@SUM(1)', type: 'numeric', min: -5, max: 5, integer: true },
        { id: 'q4', text: "'=typed with an apostrophe", type: 'free-text', maxLength: 100 },
      ],
      scores: [{ id: 'total', name: '-total', method: 'mean', items: ['q1'], reverse: [] }],
    });
    const csv = formatRedcapDictionary(hostile);
    const rows = parse(csv) as string[][];
    const cell = (field: string, column: string): string =>
      rows.find((r) => r[0] === field)![rows[0]!.indexOf(column)]!;
    expect(cell('hostile_scale_about', 'Field Label')).toBe(`'${hostile.name}`);
    expect(cell('q1', 'Field Label')).toBe("'+cmd|' /C calc'!A0");
    // The choices begin with the first code, here a negative one: the cell is text, so it is guarded.
    expect(cell('q1', 'Choices, Calculations, OR Slider Labels')).toBe(
      "'-2, -2 disagree | -1, -1 disagree | 0, @0 | 1, @1 | 2, @2",
    );
    expect(cell('q2', 'Field Label')).toBe("'-1+1");
    expect(cell('q3', 'Field Label')).toBe("'@SUM(1)");
    expect(cell('q3', 'Text Validation Min')).toBe('-5');
    expect(cell('q3', 'Text Validation Max')).toBe('5');
    expect(cell('q4', 'Field Label')).toBe("''=typed with an apostrophe");
    expect(cell('score_total', 'Field Label')).toBe("'-total");
    expect(cell('q1', 'Field Annotation')).toBe("'@PRAXIS-AGREEMENT");
    const numeric = new Set(['Text Validation Min', 'Text Validation Max'].map((c) => rows[0]!.indexOf(c)));
    for (const row of rows) row.forEach((value, i) => numeric.has(i) || expect(value).not.toMatch(/^[=+\-@\t\r]/));
    expect(parseRedcapDictionary(csv)).toEqual({ ok: true, value: hostile });
  });

  it('guards labels that start with a tab or a carriage return', () => {
    const item = { ...mixed.items[5]!, text: '\t=1+1' };
    const rows = parse(formatRedcapDictionary({ ...mixed, name: '\r=1', items: [item], scores: [] })) as string[][];
    expect(rows.map((r) => r[4])).toEqual(['Field Label', "'\r=1", "'\t=1+1"]);
  });

  it('detects REDCap, JSON and YAML text', () => {
    for (const format of ['json', 'yaml', 'redcap'] as const) {
      const parsed = parseInstrumentText(formatInstrument(mixed, format));
      expect(parsed.ok && Instrument.parse(parsed.value)).toEqual(mixed);
    }
  });
});

describe('REDCap flat records', () => {
  it('round-trips responses, with checkbox columns and free text holding commas and line breaks', () => {
    const records: { recordId: string; answers: Record<string, number | number[] | string> }[] = [
      {
        recordId: 'r1',
        answers: { 'q-1': 4, q_2: 1, hours: 12.5, role: 2, tools: [1, 2], comment: 'Good, mostly\r\nthanks' },
      },
      { recordId: 'r2', answers: { 'q-1': 2 } },
    ];
    const csv = formatRedcapRecords(mixed, records);
    expect(csv.split('\r\n')[0]).toBe('record_id,q_1,q_2,hours,role,tools___1,tools___2,comment,mixed_scale_complete');
    expect(parseRedcapRecords(mixed, csv)).toEqual({ ok: true, records });
  });

  it('guards free text a spreadsheet would read as a formula, keeps negative numbers, and reads both back', () => {
    const signed = Instrument.parse({
      ...mixed,
      items: [...mixed.items, { id: 'delta', text: 'Change', type: 'numeric', min: -10, max: 10, integer: false }],
    });
    const starts = ['=', '+', '-', '@', '\t', '\r', "'="];
    const records = starts.map((c, i) => ({
      recordId: `r${i}`,
      answers: { 'q-1': 1, comment: `${c}HYPERLINK("http://evil.example")`, delta: -0.5 - i },
    }));
    const csv = formatRedcapRecords(signed, records);
    const [header, ...rows] = parse(csv) as string[][];
    expect(rows.map((r) => r[header!.indexOf('comment')])).toEqual(
      starts.map((c) => `'${c}HYPERLINK("http://evil.example")`),
    );
    expect(rows.map((r) => r[header!.indexOf('delta')])).toEqual(starts.map((_, i) => String(-0.5 - i)));
    expect(parseRedcapRecords(signed, csv)).toEqual({ ok: true, records });
  });

  it('reports out-of-range and non-numeric cells by row and column', () => {
    const csv = 'record_id,accessibility,quality_of_delivery\r\nr1,6,x\r\n';
    expect(parseRedcapRecords(supportExperienceSurvey, csv)).toEqual({
      ok: false,
      errors: [
        { path: 'row 2: accessibility', message: '6 is out of range: must be one of 1, 2, 3, 4, 5' },
        { path: 'row 2: quality_of_delivery', message: '"x" is not a number' },
      ],
    });
  });
});
