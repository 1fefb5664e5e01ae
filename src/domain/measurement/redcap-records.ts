import { parse } from 'csv-parse/sync';
import { formatCsv, unguardFormula, type CsvCell } from '../csv.ts';
import type { ErrorDetail } from '../errors.ts';
import { redcapName } from '../support/redcap.ts';
import { answerProblem } from './answers.ts';
import type { AnswerValue, Instrument, InstrumentAnswers } from './instrument.ts';
import { redcapFieldNames } from './redcap-dictionary.ts';

/** One respondent's answers to one instrument, under a REDCap record id. */
export interface RedcapRecord {
  recordId: string;
  answers: InstrumentAnswers;
}

/** Columns of the flat REDCap export of an instrument: record_id, one per field (one per choice for checkboxes), and `<form>_complete`. */
function columnsOf(instrument: Instrument): { header: string[]; cells: (answers: InstrumentAnswers) => CsvCell[] } {
  const names = redcapFieldNames(instrument).items;
  const header = ['record_id'];
  for (const item of instrument.items) {
    const name = names.get(item.id)!;
    if (item.type === 'multiple-choice')
      header.push(...item.choices.map((c) => `${name}___${String(c.value).replace('-', '_')}`));
    else header.push(name);
  }
  header.push(`${redcapName(instrument.id)}_complete`);
  // Numeric answers stay numbers, so a negative one is written as it is; free text is guarded (`formatCsv`).
  const cells = (answers: InstrumentAnswers): CsvCell[] =>
    instrument.items.flatMap((item): CsvCell[] => {
      const value = answers[item.id];
      if (item.type === 'multiple-choice')
        return item.choices.map((c) => (Array.isArray(value) && value.includes(c.value) ? '1' : '0'));
      return [Array.isArray(value) ? String(value) : value];
    });
  return { header, cells };
}

/** Responses as a REDCap flat CSV (raw codes), ready for REDCap's data import tool. */
export function formatRedcapRecords(instrument: Instrument, records: readonly RedcapRecord[]): string {
  const { header, cells } = columnsOf(instrument);
  return formatCsv([header, ...records.map((r) => [r.recordId, ...cells(r.answers), '2'])], {
    recordDelimiter: 'windows',
  });
}

/** Reads a REDCap flat CSV of one instrument back into answers; every cell that does not fit is reported by row and column. */
export function parseRedcapRecords(
  instrument: Instrument,
  csv: string,
): { ok: true; records: RedcapRecord[] } | { ok: false; errors: ErrorDetail[] } {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, cast: unguardFormula }) as Record<
      string,
      string
    >[];
  } catch (error) {
    return { ok: false, errors: [{ path: 'file', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  const names = redcapFieldNames(instrument).items;
  const errors: ErrorDetail[] = [];
  const records: RedcapRecord[] = [];
  rows.forEach((row, index) => {
    const at = `row ${index + 2}`;
    const recordId = (row.record_id ?? '').trim();
    if (recordId === '') errors.push({ path: `${at}: record_id`, message: 'is required' });
    const answers: InstrumentAnswers = {};
    for (const item of instrument.items) {
      const name = names.get(item.id)!;
      let value: AnswerValue = null;
      if (item.type === 'multiple-choice') {
        const chosen = item.choices
          .filter((c) => (row[`${name}___${String(c.value).replace('-', '_')}`] ?? '').trim() === '1')
          .map((c) => c.value);
        value = chosen.length > 0 ? chosen : null;
      } else {
        const cell = (row[name] ?? '').trim();
        if (cell === '') continue;
        if (item.type === 'free-text') value = row[name]!;
        else if (!Number.isFinite(Number(cell))) {
          errors.push({ path: `${at}: ${name}`, message: `"${cell}" is not a number` });
          continue;
        } else value = Number(cell);
      }
      const problem = answerProblem(item, value);
      if (problem) errors.push({ path: `${at}: ${name}`, message: problem });
      else if (value !== null) answers[item.id] = value;
    }
    records.push({ recordId, answers });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}
