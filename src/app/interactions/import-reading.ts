import { createReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { unguardFormula } from '../../domain/csv.ts';
import { checkInteraction, stageOn } from '../../domain/support/interaction-rules.ts';
import {
  concernsRefusedCell,
  DuplicateFinder,
  InteractionTableReader,
  locate,
  readHeader,
  type RowError,
  type TableFormat,
  type TableInteraction,
  type TableLayout,
} from '../../domain/support/interaction-table.ts';
import {
  readSourceHeader,
  SourceMapper,
  type ImportMapping,
  type NamedEngagement,
  type SourceHeader,
} from '../../domain/support/import-mapping.ts';
import type { Engagement, InteractionInput } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { ownCopy } from '../../store/own-copy.ts';
import type { InteractionData } from '../../store/repositories/interactions.ts';
import { StringTable } from '../../store/string-table.ts';
import { CsvRecordReader, CsvSyntaxError } from './csv-records.ts';

/**
 * The reading half of an import (docs/import-formats.md): the file read once, streaming, every row
 * parsed and checked (syntax, duplicates, engagement and model-version rules), every problem reported.
 * It needs no database: engagements come through a lookup, and the good interactions go to a callback.
 * It runs in the import's reading thread (`import-worker.ts`) while the caller's thread writes.
 */

export type TableFileKind = 'csv' | 'xlsx';

export interface ImportReport {
  format: TableFormat | null;
  dryRun: boolean;
  /** Data rows read, the header not counted. */
  rowsRead: number;
  /** Interactions found in the file (well-formed ones). */
  interactions: number;
  /** Interactions written: 0 on a dry run or when any row is bad. */
  written: number;
  /** Every problem found, by row (the first `maxReportedErrors` of them). */
  errors: RowError[];
  /** How many problems there were in all. */
  errorCount: number;
  /** A mapped import: the mapping's name and the kind of source it read (docs/import-mapping.md). */
  mapping?: { name: string; source: SourceHeader['kind']; columns: string[]; questions: string[] } | undefined;
  /** When asked for (`ReadOptions.preview`): the first interactions as Praxis reads them, by source row. */
  preview?: PreviewRow[] | undefined;
}

/** An interaction of a preview: its first row in the file, and what Praxis would store. */
export interface PreviewRow {
  row: number;
  interaction: InteractionInput;
}

/** A report lists at most this many problems, so a file that is wrong on every row still gets a bounded report. */
export const maxReportedErrors = 10_000;

/** What reading needs to know about a file. */
export interface ReadOptions {
  kind: TableFileKind;
  format?: TableFormat | undefined;
  dryRun: boolean;
  /** Written as `loggedBy` of every imported interaction. */
  actor: string;
  /** A mapped import: the mapping, and the organization's engagements its names are matched against. */
  mapped?: { mapping: ImportMapping; engagements: NamedEngagement[] } | undefined;
  /** How many interactions to return as a preview (none when absent). */
  preview?: number | undefined;
}

/** An engagement and its model version, as the rules check interactions against them. */
export interface EngagementContext {
  engagement: Engagement;
  model: PracticeModel;
}

/** Finds an engagement of the organization and its model version; null when there is none. */
export type EngagementLookup = (engagementId: string) => Promise<EngagementContext | null>;

interface TableRow {
  cells: string[];
  row: number;
}

/** A file that cannot be read as a table at all (a broken quote, not a spreadsheet): the row where reading stopped. */
class UnreadableTable extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** How far into the file reading has got, in bytes: what an import's progress is measured by. */
export interface ReadPosition {
  bytes: number;
}

async function* csvRows(file: string, position: ReadPosition): AsyncGenerator<TableRow> {
  const reader = new CsvRecordReader();
  let rows: TableRow[] = [];
  // Blank lines and rows of empty cells (spreadsheets leave them) are not interactions. A cell an export
  // guarded against formulas gets its text back (a workbook's cells are never guarded: see `writeXlsx`).
  const each = (cells: string[], row: number) => {
    if (!cells.some((cell) => cell.trim() !== '')) return;
    for (let i = 0; i < cells.length; i += 1) cells[i] = unguardFormula(cells[i]!);
    rows.push({ cells, row });
  };
  try {
    // Pieces of 64 KB: a string over 128 KB is made in V8's old generation and lives until a full collection.
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
    for await (const text of stream as AsyncIterable<string>) {
      position.bytes = stream.bytesRead;
      reader.push(text, each);
      const done = rows;
      rows = [];
      yield* done;
    }
    reader.end(each);
    yield* rows;
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new UnreadableTable(error.line, `the file is not valid CSV: ${error.message}`);
    throw error;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A cell as the text a CSV would hold: dates as YYYY-MM-DD, times (Excel keeps them as dates in 1899) as HH:MM. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const time = `${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}`;
    if (value.getUTCFullYear() < 1901) return time;
    const date = `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
    return time === '00:00' ? date : `${date} ${time}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

async function* xlsxRows(file: string, position: ReadPosition): AsyncGenerator<TableRow> {
  // Loaded only for a workbook: it takes longer to load than a CSV file of many thousand rows to read.
  const { default: ExcelJS } = await import('exceljs');
  const stream = createReadStream(file);
  stream.on('data', () => (position.bytes = stream.bytesRead));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        // `values` is 1-based: index 0 is always empty.
        const cells = values.slice(1).map((v) => cellText(v ?? null));
        if (cells.some((c) => c.trim() !== '')) yield { cells, row: row.number };
      }
      return; // only the first worksheet holds interactions
    }
  } catch (error) {
    if (error instanceof UnreadableTable) throw error;
    throw new UnreadableTable(
      1,
      `the file is not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const tableRows = (file: string, kind: TableFileKind, position: ReadPosition): AsyncGenerator<TableRow> =>
  kind === 'xlsx' ? xlsxRows(file, position) : csvRows(file, position);

/** Rows read between two reports of progress. */
const progressEvery = 5000;

/** Hears how many data rows have been read and how many bytes of the file that took. */
export type ReadProgress = (rowsRead: number, bytesRead: number) => void;

/** Collects problems up to the report's limit, counting them all; those listed are copied out of the file's text (`ownCopy`). */
class ProblemList {
  readonly errors: RowError[] = [];
  count = 0;
  /** A mapped import: names a native column by the source column it came from. */
  columnOf: ((column: string) => string) | null = null;

  add(...errors: RowError[]): void {
    this.count += errors.length;
    for (const error of errors)
      if (this.errors.length < maxReportedErrors) {
        const column = this.columnOf ? this.columnOf(error.column) : error.column;
        this.errors.push({ row: error.row, column: ownCopy(column), message: ownCopy(error.message) });
      }
  }
}

/** An interaction ready to write: what is stored, and its engagement's start (for the month of the relationship). */
export interface PreparedInteraction {
  data: InteractionData;
  engagementStart: string;
}

/**
 * Checks interactions against their engagements and models, looking each engagement and its model up
 * once, and prepares what is stored as the API's `prepareInteraction` does (stage default, partner,
 * model version, author).
 */
class EngagementRules {
  private readonly cache = new Map<string, EngagementContext | null>();
  private readonly models = new Map<string, PracticeModel>();

  constructor(
    private readonly lookup: EngagementLookup,
    private readonly actor: string,
  ) {}

  async check(interaction: TableInteraction): Promise<{ errors: RowError[]; prepared: PreparedInteraction | null }> {
    const { input, source, refused } = interaction;
    // An engagement cell already refused names no engagement to check the rest against.
    if (concernsRefusedCell('engagementId', interaction)) return { errors: [], prepared: null };
    const context = await this.contextOf(input.engagementId);
    if (!context)
      return {
        errors: [
          {
            row: source.firstRow,
            column: 'engagement_id',
            message: `no engagement "${input.engagementId}" in this organization`,
          },
        ],
        prepared: null,
      };
    const { engagement, model } = context;
    const withStage = { ...input, stageId: input.stageId ?? stageOn(engagement.stages, input.date) };
    const errors = checkInteraction(withStage, {
      model,
      engagementStart: engagement.startDate,
      engagementEnd: engagement.endDate,
    })
      .filter((p) => !concernsRefusedCell(p.path, interaction))
      .map((p) => ({ ...locate(p.path, source, input), message: p.message }));
    if (errors.length > 0 || refused) return { errors, prepared: null };
    // Spread last: V8 builds an object literal far faster when a spread ends it than when properties follow one.
    const data = {
      partnerId: engagement.partnerId,
      modelId: engagement.modelId,
      modelVersion: engagement.modelVersion,
      loggedBy: this.actor,
      ...withStage,
    };
    return { errors, prepared: { data, engagementStart: engagement.startDate } };
  }

  private async contextOf(engagementId: string): Promise<EngagementContext | null> {
    const cached = this.cache.get(engagementId);
    if (cached !== undefined) return cached;
    // Bounded even if every row names a different, unknown engagement.
    if (this.cache.size > 10_000) this.cache.clear();
    const found = await this.lookup(engagementId);
    // Engagements on one model version share one copy of it (and its index in `checkInteraction`).
    let context = found;
    if (found) {
      const key = `${found.model.id}@${found.model.version}`;
      const model = this.models.get(key) ?? found.model;
      this.models.set(key, model);
      context = { engagement: found.engagement, model };
    }
    this.cache.set(ownCopy(engagementId), context);
    return context;
  }
}

/** Reads the file's rows into interactions, calling `each` for every well-formed one. Returns the layout (null when the header is bad). */
async function readInteractions(
  file: string,
  options: ReadOptions,
  knownComponentIds: ReadonlySet<string>,
  problems: ProblemList,
  each: (interaction: TableInteraction) => Promise<void>,
  progress: ReadProgress | undefined,
): Promise<{ layout: TableLayout | null; rowsRead: number; source?: SourceHeader | null }> {
  let reader: InteractionTableReader | null = null;
  let rowsRead = 0;
  const position: ReadPosition = { bytes: 0 };
  let headerSeen = false;
  const drain = async (done: TableInteraction[]) => {
    // A row's own problems first, then what the engagement and model rules find in its interaction.
    if (reader && reader.errors.length > 0) problems.add(...reader.errors.splice(0));
    for (const interaction of done) await each(interaction);
  };
  try {
    for await (const { cells, row } of tableRows(file, options.kind, position)) {
      if (!headerSeen) {
        headerSeen = true;
        const header = readHeader(cells, options.format, knownComponentIds);
        if ('errors' in header) {
          problems.add(...header.errors);
          return { layout: null, rowsRead };
        }
        reader = new InteractionTableReader(header.layout, new StringTable());
        continue;
      }
      rowsRead += 1;
      if (progress && rowsRead % progressEvery === 0) progress(rowsRead, position.bytes);
      await drain(reader!.add(cells, row));
    }
  } catch (error) {
    if (!(error instanceof UnreadableTable)) throw error;
    problems.add({ row: error.row, column: '', message: error.message });
  }
  if (!headerSeen) {
    problems.add({
      row: 1,
      column: '',
      message: 'the file is empty; expected a header row and at least one interaction',
    });
    return { layout: null, rowsRead };
  }
  await drain(reader!.finish());
  if (rowsRead === 0) problems.add({ row: 2, column: '', message: 'the file has a header but no interactions' });
  return { layout: reader!.layout, rowsRead };
}

/** Rows a Qualtrics header takes: column ids, question text, ImportId. */
const qualtricsHeaderRows = 3;

/**
 * A mapped import's reading (docs/import-mapping.md): the source's header (one row, or Qualtrics' three),
 * then each row mapped to the native wide layout (`SourceMapper`) and read by the native reader, so the
 * checks and writing are the native import's. Problems are named by the source's row and column.
 */
async function readMappedInteractions(
  file: string,
  options: ReadOptions,
  knownComponentIds: ReadonlySet<string>,
  problems: ProblemList,
  each: (interaction: TableInteraction) => Promise<void>,
  progress: ReadProgress | undefined,
): Promise<{ layout: TableLayout | null; rowsRead: number; source: SourceHeader | null }> {
  const { mapping, engagements } = options.mapped!;
  const position: ReadPosition = { bytes: 0 };
  const headerRows: TableRow[] = [];
  const wanted = mapping.source === 'table' ? 1 : qualtricsHeaderRows;
  let mapper: SourceMapper | null = null;
  let reader: InteractionTableReader | null = null;
  let rowsRead = 0;
  let failed = false;
  let pending: TableRow[] = [];

  /** Understands the header from the rows so far; false when it is refused (reported). */
  const start = (): boolean => {
    const read = readSourceHeader(headerRows, mapping.source);
    if ('errors' in read) {
      problems.add(...read.errors);
      return false;
    }
    mapper = new SourceMapper(mapping, read.header, engagements);
    const missing = mapper.missingColumns().map((e) => ({ ...e, row: headerRows[0]!.row }));
    if (missing.length > 0) {
      problems.add(...missing);
      return false;
    }
    const native = readHeader(mapper.nativeHeader, 'wide', knownComponentIds);
    if ('errors' in native) {
      problems.add(
        ...native.errors.map((e) => ({
          row: headerRows[0]!.row,
          column: '',
          message: `the mapping's ${e.column}: ${e.message}`,
        })),
      );
      return false;
    }
    reader = new InteractionTableReader(native.layout, new StringTable());
    // Rows a one-row header left over (the file is not Qualtrics) are data.
    pending = headerRows.splice(read.header.headerRows);
    return true;
  };

  const mapRow = async ({ cells, row }: TableRow) => {
    const mapped = mapper!.map(cells, row);
    if (!mapped.included) return;
    rowsRead += 1;
    if (progress && rowsRead % progressEvery === 0) progress(rowsRead, position.bytes);
    problems.columnOf = null;
    problems.add(...mapped.errors);
    const done = reader!.add(mapped.cells, row);
    const refused = new Set(mapped.refused);
    // A native cell the mapping could not fill is reported already, in the source's words.
    const own = reader!.errors.splice(0).filter((e) => !refused.has(e.column));
    problems.columnOf = (column) => mapper!.sourceColumn(column);
    problems.add(...own);
    for (const interaction of done) {
      if (refused.size > 0) {
        const cells = interaction.refused ?? { columns: new Set<string>(), cells: new Set<string>() };
        for (const column of refused) {
          cells.columns.add(column);
          cells.cells.add(`${row}:${column}`);
        }
        interaction.refused = cells;
      } else if (mapped.nextSteps.length > 0) interaction.input.nextSteps = mapped.nextSteps;
      await each(interaction);
    }
    problems.columnOf = null;
  };

  try {
    for await (const tableRow of tableRows(file, options.kind, position)) {
      if (failed) continue;
      if (!reader) {
        headerRows.push(tableRow);
        if (headerRows.length < wanted) continue;
        if (!start()) {
          failed = true;
          continue;
        }
        for (const row of pending) await mapRow(row);
        pending = [];
        continue;
      }
      await mapRow(tableRow);
    }
  } catch (error) {
    if (!(error instanceof UnreadableTable)) throw error;
    problems.add({ row: error.row, column: '', message: error.message });
  }
  if (!reader && !failed) {
    // Fewer rows than a Qualtrics header: a one-row header and what follows it.
    if (headerRows.length === 0 || !start()) {
      if (headerRows.length === 0)
        problems.add({
          row: 1,
          column: '',
          message: 'the file is empty; expected a header row and at least one interaction',
        });
      return { layout: null, rowsRead, source: (mapper as SourceMapper | null)?.header ?? null };
    }
    for (const row of pending) await mapRow(row);
  }
  // A refused mapping still tells the source's columns (the web page offers them).
  if (!reader) return { layout: null, rowsRead, source: (mapper as SourceMapper | null)?.header ?? null };
  const source = (mapper as unknown as SourceMapper).header;
  for (const interaction of (reader as InteractionTableReader).finish()) await each(interaction);
  if (rowsRead === 0)
    problems.add({ row: source.headerRows + 1, column: '', message: 'the file has a header but no interactions' });
  return { layout: (reader as InteractionTableReader).layout, rowsRead, source };
}

/**
 * The one pass over the file: every row parsed and checked, every interaction checked against its
 * engagement and model even when some of its cells were refused; each good interaction handed to `write`
 * until the first problem, after which rows are only checked (the report stays complete). Returns the
 * report without the count written.
 */
export async function readAndCheck(
  file: string,
  options: ReadOptions,
  knownComponentIds: ReadonlySet<string>,
  lookup: EngagementLookup,
  write: ((prepared: PreparedInteraction) => Promise<void>) | null,
  progress?: ReadProgress,
): Promise<ImportReport> {
  const problems = new ProblemList();
  const duplicates = new DuplicateFinder(new StringTable(), ownCopy);
  const rules = new EngagementRules(lookup, options.actor);
  let interactions = 0;
  const preview: PreviewRow[] = [];
  const read = options.mapped ? readMappedInteractions : readInteractions;
  const { layout, rowsRead, source } = await read(
    file,
    options,
    knownComponentIds,
    problems,
    async (interaction) => {
      // An interaction with refused cells is checked against its engagement and model too (so one
      // pass reports everything), but it is neither counted, compared for duplicates nor written.
      if (!interaction.refused) {
        interactions += 1;
        if (options.preview && preview.length < options.preview)
          preview.push({ row: interaction.source.firstRow, interaction: interaction.input });
        const duplicate = duplicates.check(interaction);
        if (duplicate) problems.add(duplicate);
      }
      const { errors, prepared } = await rules.check(interaction);
      if (errors.length > 0) problems.add(...errors);
      if (write && prepared && problems.count === 0) await write(prepared);
    },
    progress,
  );
  return {
    format: layout?.format ?? null,
    dryRun: options.dryRun,
    rowsRead,
    interactions,
    written: 0,
    errors: [...problems.errors].sort((a, b) => a.row - b.row),
    errorCount: problems.count,
    ...(options.mapped && {
      mapping: {
        name: options.mapped.mapping.name,
        source: source?.kind ?? 'table',
        columns: source?.columns ?? [],
        questions: source?.questions ?? [],
      },
    }),
    ...(options.preview !== undefined && { preview }),
  };
}
