import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV as Praxis writes it, safe to open in a spreadsheet (docs/import-formats.md, "Cells that look like
 * formulas"). A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` (and, in some
 * programs, a tab or a carriage return before one) as a formula, so text someone typed — a note, a
 * partner's region, an item of a questionnaire — could run as one on the machine of whoever opens the
 * export (CSV or formula injection). As OWASP recommends, such a text cell is written with a leading
 * apostrophe, which spreadsheets read as "this is text". Cells written from numbers are data and keep
 * their sign: `-0.5` stays `-0.5`. Praxis's own importers take the apostrophe off again, so an export
 * imports back to the same text.
 */

/** What a CSV cell is made from: text is guarded, a number is written as it is, null and undefined as an empty cell. */
export type CsvCell = string | number | null | undefined;

const APOSTROPHE = 39;
/** `=`, `+`, `-`, `@`, tab, carriage return: a cell starting with one of these may be read as a formula. */
const formulaStarts = new Set([61, 43, 45, 64, 9, 13]);

/** Where the text after any leading apostrophes begins starts a formula. */
function startsFormulaAfterApostrophes(text: string, from: number): boolean {
  let i = from;
  while (text.charCodeAt(i) === APOSTROPHE) i += 1;
  return formulaStarts.has(text.charCodeAt(i));
}

/**
 * Text as a spreadsheet-safe cell: a leading apostrophe when it starts with `=`, `+`, `-`, `@`, tab or
 * carriage return. Text that already starts with apostrophes before one of them gets one more, so that
 * `unguardFormula` gives back every text exactly, including one that began with an apostrophe.
 */
export function guardFormula(text: string): string {
  return startsFormulaAfterApostrophes(text, 0) ? `'${text}` : text;
}

/**
 * The text of a cell that `guardFormula` wrote: the one leading apostrophe it added taken off (an
 * apostrophe followed, after any further apostrophes, by `=`, `+`, `-`, `@`, tab or carriage return).
 * Any other cell is returned as it is.
 */
export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && startsFormulaAfterApostrophes(cell, 1) ? cell.slice(1) : cell;
}

export interface CsvFormat {
  /** `unix` (LF) or `windows` (CRLF, as REDCap writes its files). */
  recordDelimiter: 'unix' | 'windows';
  /** A UTF-8 byte-order mark, which helps spreadsheet programs read UTF-8 (REDCap wants none). */
  bom?: boolean;
}

/** The csv-stringify options of every CSV Praxis writes, streamed or at once: text cells guarded, numbers as they are. */
export function csvOptions(format: CsvFormat): Options {
  return {
    bom: format.bom ?? false,
    record_delimiter: format.recordDelimiter,
    cast: { string: guardFormula },
  };
}

/** Rows as CSV text (RFC 4180 quoting), every text cell guarded. */
export function formatCsv(rows: readonly (readonly CsvCell[])[], format: CsvFormat): string {
  return stringify(rows as CsvCell[][], csvOptions(format));
}
