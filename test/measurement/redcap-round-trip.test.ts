import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/domain/measurement/scoring.ts';
import { formatRedcapDictionary, parseRedcapDictionary } from '../../src/domain/measurement/redcap-dictionary.ts';
import type { Instrument, Item } from '../../src/domain/measurement/instrument.ts';

/** Data dictionaries of the shapes REDCap writes, hand-written with REDCap's header wording. */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/redcap');
const dictionary = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');
const rowsOf = (csv: string): string[][] => parse(csv, { relax_column_count: true }) as string[][];

function imported(csv: string): Instrument {
  const parsed = parseRedcapDictionary(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return parsed.value;
}

describe('a REDCap data dictionary round trip (import, then export)', () => {
  for (const name of ['partner-survey-18.csv', 'coaching-feedback-17.csv']) {
    it(`gives ${name} back field for field, cell for cell`, () => {
      const source = dictionary(name);
      expect(source).toMatch(/\r\n/);
      const exported = formatRedcapDictionary(imported(source));
      const [sourceHeader, ...sourceRows] = rowsOf(source);
      const [exportedHeader, ...exportedRows] = rowsOf(exported);
      expect(exportedHeader).toHaveLength(18);
      expect(exportedHeader!.slice(0, sourceHeader!.length)).toEqual(sourceHeader);
      // Every field keeps its name, type, label, choices, validation, branching logic, section header,
      // required flag, annotation and every other cell, in the same order.
      expect(exportedRows.map((row) => row.slice(0, sourceHeader!.length))).toEqual(sourceRows);
      // A 17-column dictionary gains an empty Field Annotation: nothing Praxis needs to add.
      if (sourceHeader!.length === 17) expect(exportedRows.map((row) => row[17])).toEqual(sourceRows.map(() => ''));
      // And the export reads back as the same instrument.
      expect(imported(exported)).toEqual(imported(source));
    });
  }

  it('takes the first field as the record identifier, not a question', () => {
    const survey = imported(dictionary('partner-survey-18.csv'));
    expect(survey.items.map((i) => i.id)).not.toContain('record_id');
    expect(survey.items.some((i) => /record id/i.test(i.text))).toBe(false);
    expect(survey.redcapRecordId).toBeUndefined();
    const coaching = imported(dictionary('coaching-feedback-17.csv'));
    expect(coaching.items.map((i) => i.id)).not.toContain('participant_id');
    expect(coaching.redcapRecordId).toEqual({ fieldName: 'participant_id', fieldLabel: 'Participant ID' });
    expect(formatRedcapDictionary(coaching).split('\r\n')[1]).toBe(
      'participant_id,coaching_feedback,,text,Participant ID,,,,,,,,,,,,,',
    );
  });

  it('keeps descriptive fields and section headers as text blocks, before the item they precede', () => {
    const survey = imported(dictionary('partner-survey-18.csv'));
    expect(survey.blocks).toEqual([
      {
        id: 'intro',
        section: '<b>About the support you received</b>',
        text: expect.stringContaining('<i>over the last three months</i>'),
        beforeItem: 'role',
      },
      { id: 'closing', text: 'Thank you! Your answers help us improve.' },
    ]);
    expect(survey.items.find((i) => i.id === 'listen')).toMatchObject({
      text: "listen to your team's concerns",
      section: 'How often did your ISP ...',
      redcap: { fieldLabel: "<b>listen</b> to your team's concerns", matrixGroupName: 'isp_often' },
    });
  });

  it('reads each REDCap field type as the item it is, and scores as before', () => {
    const survey = imported(dictionary('partner-survey-18.csv'));
    const types = Object.fromEntries(survey.items.map((i) => [i.id, i.type]));
    expect(types).toEqual({
      role: 'single-choice',
      listen: 'single-choice',
      explain: 'single-choice',
      follow_up: 'single-choice',
      met_in_person: 'single-choice',
      met_where: 'free-text',
      met_on: 'free-text',
      hours: 'numeric',
      materials: 'multiple-choice',
      rank_data: 'single-choice',
      rank_plans: 'single-choice',
      helpfulness: 'numeric',
      agreed: 'single-choice',
      contact_email: 'free-text',
      comments: 'free-text',
    });
    expect(survey.scores.map((s) => [s.id, s.method, s.items])).toEqual([
      ['isp_score', 'mean', ['listen', 'explain', 'follow_up']],
      ['rank_total', 'sum', ['rank_data', 'rank_plans']],
    ]);
    expect(scoreAnswers(survey, { listen: 3, explain: 2, follow_up: 1, rank_data: 1, rank_plans: 2 })).toMatchObject([
      { scoreId: 'isp_score', value: 2 },
      { scoreId: 'rank_total', value: 3 },
    ]);
  });

  it('writes an edited item afresh where a kept cell no longer reads back as it', () => {
    const survey = imported(dictionary('partner-survey-18.csv'));
    const edited: Instrument = {
      ...survey,
      items: survey.items.map((item): Item => {
        if (item.id === 'listen') return { ...item, text: 'listen to you' };
        if (item.type === 'single-choice' && item.id === 'role') return { ...item, type: 'multiple-choice' };
        return item;
      }),
    };
    const rows = rowsOf(formatRedcapDictionary(edited));
    const listen = rows.find((row) => row[0] === 'listen')!;
    expect(listen[4]).toBe('listen to you');
    expect(listen[15]).toBe('isp_often');
    const role = rows.find((row) => row[0] === 'role')!;
    expect(role[3]).toBe('checkbox');
    expect(imported(formatRedcapDictionary(edited)).items.find((i) => i.id === 'role')?.type).toBe('multiple-choice');
  });
});
