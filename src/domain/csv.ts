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

/** Text of a column whose own grammar starts with one of the formula characters (see `verbatim`). */
export interface VerbatimText {
  readonly verbatim: string;
}

/** What a CSV cell is made from: text is guarded, a number is written as it is, null and undefined as an empty cell. */
export type CsvCell = string | number | null | undefined | VerbatimText;

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

const needsQuotes = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): text a spreadsheet could take for a formula guarded (`guardFormula`), then
 * quoted, with quotes doubled, when it holds a comma, a quote or a line break. The same cells
 * csv-stringify writes with Praxis's options (`csvOptions`).
 */
export function csvCell(text: string): string {
  const cell = guardFormula(text);
  return needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CSV record of text cells, without its line ending (`csvCell` for each). */
export function csvLine(row: readonly string[]): string {
  let line = row.length > 0 ? csvCell(row[0]!) : '';
  for (let i = 1; i < row.length; i += 1) line += `,${csvCell(row[i]!)}`;
  return line;
}

/**
 * Text written as it is, for a column whose own grammar begins with one of the formula characters and
 * whose reader needs it so: REDCap's action tags (`@HIDDEN`) and choice lists (`-1, Disagree | …`). Only
 * text that starts with an apostrophe is guarded, so that `unguardFormula` still gives back every text.
 */
export const verbatim = (text: string): VerbatimText => ({ verbatim: text });

const writeVerbatim = (text: string): string => (text.charCodeAt(0) === APOSTROPHE ? guardFormula(text) : text);

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
    cast: {
      string: guardFormula,
      object: (value) => {
        const text = (value as Partial<VerbatimText>).verbatim;
        return typeof text === 'string' ? writeVerbatim(text) : JSON.stringify(value);
      },
    },
  };
}

/** Rows as CSV text (RFC 4180 quoting), every text cell guarded. */
export function formatCsv(rows: readonly (readonly CsvCell[])[], format: CsvFormat): string {
  return stringify(rows as CsvCell[][], csvOptions(format));
}
