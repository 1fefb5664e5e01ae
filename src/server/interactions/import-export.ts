import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../domain/errors.ts';
import { checkInteraction, stageOn } from '../../domain/support/interaction-rules.ts';
import { componentIdsOf, longHeader, longRows, wideHeader, wideRow } from '../../domain/support/interaction-rows.ts';
import { DuplicateFinder, InteractionTableReader, locate, readHeader, type RowError, type TableFormat, type TableInteraction, type TableLayout } from '../../domain/support/interaction-table.ts';
import { redcapProject } from '../../domain/support/redcap.ts';
import type { Engagement, Interaction } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { InteractionData } from '../../store/repositories/interactions.ts';
import type { Store, TenantStore } from '../../store/store.ts';

/**
 * Importing and exporting interactions as CSV or XLSX files (docs/import-formats.md).
 *
 * An import reads the file once, streaming. Every row is parsed and validated (syntax, duplicates,
 * engagement and model-version rules); a real run does this inside one transaction and writes the
 * good interactions in bulk as they come, stops writing at the first bad row (reading on, so the report
 * lists every problem) and then rolls back. Memory holds the interaction being read, one write batch,
 * one signature per interaction (to find duplicates), the month totals of the dose and the report,
 * never the file.
 */

export type TableFileKind = 'csv' | 'xlsx';
export const tableFileKindOf = (file: string): TableFileKind => (path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');

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
}

/** A report lists at most this many problems, so a file that is wrong on every row still gets a bounded report. */
export const maxReportedErrors = 10_000;

export interface ImportOptions {
  kind: TableFileKind;
  format?: TableFormat;
  dryRun: boolean;
  /** Written to history and `loggedBy` as the author of every imported interaction. */
  actor: string;
}

/**
 * Where a table is read from: a file path, or something that opens a stream of its bytes. An upload is
 * spooled to a file first (`spoolToTempFile`), so a slow client never holds the write transaction open.
 */
export type TableSource = string | { open(): Readable };
const openSource = (source: TableSource): Readable => (typeof source === 'string' ? createReadStream(source) : source.open());

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

const newlinesIn = (cells: readonly string[]): number => {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count += 1;
  return count;
};

async function* csvRows(source: TableSource): AsyncGenerator<TableRow> {
  // Rows are numbered here rather than through csv-parse's `info`, which costs a third of the parse.
  const parser = openSource(source).pipe(parse({ bom: true, relax_column_count: true }));
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const row = line;
      // A quoted value may span lines; the next row starts after them.
      line += 1 + newlinesIn(record);
      // Blank lines and rows of empty cells (spreadsheets leave them) are not interactions.
      if (record.some((cell) => cell.trim() !== '')) yield { cells: record, row };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableTable((error as CsvError & { lines?: number }).lines ?? line, `the file is not valid CSV: ${error.message}`);
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

async function* xlsxRows(source: TableSource): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(openSource(source), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
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
    throw new UnreadableTable(1, `the file is not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const tableRows = (source: TableSource, kind: TableFileKind): AsyncGenerator<TableRow> => (kind === 'xlsx' ? xlsxRows(source) : csvRows(source));

/** Component ids of every model version published in the organization: the wide columns it accepts. */
async function organizationModels(tenant: TenantStore): Promise<PracticeModel[]> {
  const models: PracticeModel[] = [];
  for (const version of await tenant.models.listVersions()) {
    const model = await tenant.models.find(version.modelId, version.version);
    if (model) models.push(model);
  }
  return models;
}

/** Collects problems up to the report's limit, counting them all. */
class ProblemList {
  readonly errors: RowError[] = [];
  count = 0;

  add(...errors: RowError[]): void {
    this.count += errors.length;
    for (const error of errors) if (this.errors.length < maxReportedErrors) this.errors.push(error);
  }
}

/** An interaction ready to write: what is stored, and its engagement's start (for the month of the relationship). */
interface PreparedInteraction {
  data: InteractionData;
  engagementStart: string;
}

/**
 * Checks interactions against their engagements and models, looking each engagement and its model up
 * once, and prepares what is stored as the API's `prepareInteraction` does (stage default, partner,
 * model version, author).
 */
class EngagementRules {
  private readonly cache = new Map<string, { engagement: Engagement; model: PracticeModel } | null>();

  constructor(
    private readonly tenant: TenantStore,
    private readonly actor: string,
  ) {}

  async check({ input, source }: TableInteraction): Promise<{ errors: RowError[]; prepared: PreparedInteraction | null }> {
    const context = await this.contextOf(input.engagementId);
    if (!context) return { errors: [{ row: source.firstRow, column: 'engagement_id', message: `no engagement "${input.engagementId}" in this organization` }], prepared: null };
    const { engagement, model } = context;
    const withStage = { ...input, stageId: input.stageId ?? stageOn(engagement.stages, input.date) };
    const errors = checkInteraction(withStage, { model, engagementStart: engagement.startDate, engagementEnd: engagement.endDate }).map((p) => ({ ...locate(p.path, source, input), message: p.message }));
    if (errors.length > 0) return { errors, prepared: null };
    // Spread last: V8 builds an object literal far faster when a spread ends it than when properties follow one.
    const data = { partnerId: engagement.partnerId, modelId: engagement.modelId, modelVersion: engagement.modelVersion, loggedBy: this.actor, ...withStage };
    return { errors, prepared: { data, engagementStart: engagement.startDate } };
  }

  private async contextOf(engagementId: string): Promise<{ engagement: Engagement; model: PracticeModel } | null> {
    if (this.cache.has(engagementId)) return this.cache.get(engagementId) ?? null;
    // Bounded even if every row names a different, unknown engagement.
    if (this.cache.size > 10_000) this.cache.clear();
    const engagement = await this.tenant.engagements.find(engagementId);
    const model = engagement ? await this.tenant.models.find(engagement.modelId, engagement.modelVersion) : undefined;
    const context = engagement && model ? { engagement, model } : null;
    this.cache.set(engagementId, context);
    return context;
  }
}

/** Reads the file's rows into interactions, calling `each` for every well-formed one. Returns the layout (null when the header is bad). */
async function readInteractions(
  source: TableSource,
  options: ImportOptions,
  knownComponentIds: ReadonlySet<string>,
  problems: ProblemList,
  each: (interaction: TableInteraction) => Promise<void>,
): Promise<{ layout: TableLayout | null; rowsRead: number }> {
  let reader: InteractionTableReader | null = null;
  let rowsRead = 0;
  let headerSeen = false;
  const drain = async (done: TableInteraction[]) => {
    for (const interaction of done) await each(interaction);
    if (reader && reader.errors.length > 0) problems.add(...reader.errors.splice(0));
  };
  try {
    for await (const { cells, row } of tableRows(source, options.kind)) {
      if (!headerSeen) {
        headerSeen = true;
        const header = readHeader(cells, options.format, knownComponentIds);
        if ('errors' in header) {
          problems.add(...header.errors);
          return { layout: null, rowsRead };
        }
        reader = new InteractionTableReader(header.layout);
        continue;
      }
      rowsRead += 1;
      await drain(reader!.add(cells, row));
    }
  } catch (error) {
    if (!(error instanceof UnreadableTable)) throw error;
    problems.add({ row: error.row, column: '', message: error.message });
  }
  if (!headerSeen) {
    problems.add({ row: 1, column: '', message: 'the file is empty; expected a header row and at least one interaction' });
    return { layout: null, rowsRead };
  }
  await drain(reader!.finish());
  if (rowsRead === 0) problems.add({ row: 2, column: '', message: 'the file has a header but no interactions' });
  return { layout: reader!.layout, rowsRead };
}

/**
 * The one pass over the file: every row parsed and checked; each good interaction handed to `write`
 * until the first problem, after which rows are only checked (the report stays complete). Returns the
 * report without the count written.
 */
async function readAndCheck(tenant: TenantStore, source: TableSource, options: ImportOptions, write: ((prepared: PreparedInteraction) => Promise<void>) | null): Promise<ImportReport> {
  const knownComponentIds = new Set(componentIdsOf(await organizationModels(tenant)));
  const problems = new ProblemList();
  const duplicates = new DuplicateFinder();
  const rules = new EngagementRules(tenant, options.actor);
  let interactions = 0;
  const { layout, rowsRead } = await readInteractions(source, options, knownComponentIds, problems, async (interaction) => {
    interactions += 1;
    const duplicate = duplicates.check(interaction);
    if (duplicate) problems.add(duplicate);
    const { errors, prepared } = await rules.check(interaction);
    problems.add(...errors);
    if (write && prepared && problems.count === 0) await write(prepared);
  });
  return {
    format: layout?.format ?? null,
    dryRun: options.dryRun,
    rowsRead,
    interactions,
    written: 0,
    errors: [...problems.errors].sort((a, b) => a.row - b.row),
    errorCount: problems.count,
  };
}

/** Thrown inside the write transaction to roll it back when any row is bad. */
class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('the import has bad rows');
  }
}

/**
 * Imports interactions from a CSV or XLSX file (or a source that opens the same bytes): every bad row
 * is reported (row, column, reason); a dry run writes nothing; a real run writes all interactions or,
 * if any row is bad, none.
 *
 * One streaming pass. A real run reads inside one transaction and writes the good interactions in bulk
 * as it goes (`InteractionImportWriter`: multi-row inserts, history, rollups summed and applied at the
 * end); at the first bad row it stops writing, reads on to report every problem, and rolls back.
 */
export async function importInteractions(store: Store, organizationId: string, source: TableSource, options: ImportOptions): Promise<ImportReport> {
  if (options.dryRun) return readAndCheck(store.tenant(organizationId), source, options, null);
  try {
    return await store.transaction(async (tx) => {
      const tenant = tx.tenant(organizationId);
      const writer = tenant.interactionImport(options.actor);
      const report = await readAndCheck(tenant, source, options, ({ data, engagementStart }) => writer.add(data, engagementStart));
      if (report.errorCount > 0 || report.format === null) throw new ImportRefused(report);
      return { ...report, written: await writer.finish() };
    });
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    return error.report;
  }
}

/** The report's problems as the API's error details: `row 12: component_minutes`. */
export function reportDetails(report: ImportReport): { path: string; message: string }[] {
  return report.errors.map((e) => ({ path: e.column ? `row ${e.row}: ${e.column}` : `row ${e.row}`, message: e.message }));
}

/** The refusal of an import with bad rows, in the one error shape. */
export function importRefusal(report: ImportReport): AppError {
  const shown = report.errorCount > report.errors.length ? ` (the first ${report.errors.length} are listed)` : '';
  return invalid(`${report.errorCount} problem(s) in ${report.rowsRead} row(s)${shown}; nothing was written`, reportDetails(report));
}

/** Copies a request body or other stream to a private temporary file, refusing more than `maxBytes`. */
export async function spoolToTempFile(source: Readable, extension: string, maxBytes: number): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'praxis-import-'));
  const file = path.join(dir, `upload${extension}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new AppError('payload_too_large', 'The file is too large', [{ path: 'body', message: `exceeds the limit of ${maxBytes} bytes` }]));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(source, limit, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, remove };
}

// ---- Export ---------------------------------------------------------------------------------

export const exportFormats = ['long', 'wide', 'redcap'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export type RedcapFile = 'records' | 'dictionary';

/** Every live interaction of the organization, a page at a time (newest first), never all at once. */
async function* liveInteractions(tenant: TenantStore): AsyncGenerator<Interaction> {
  let cursor: string | undefined;
  do {
    const page = await tenant.interactions.list({}, 500, cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The rows of an export, header first. */
export async function* exportRows(store: Store, organizationId: string, format: ExportFormat, file: RedcapFile = 'records'): AsyncGenerator<string[]> {
  const tenant = store.tenant(organizationId);
  const models = await organizationModels(tenant);
  if (format === 'long') {
    yield longHeader();
    for await (const interaction of liveInteractions(tenant)) yield* longRows(interaction);
  } else if (format === 'wide') {
    const componentIds = componentIdsOf(models);
    yield wideHeader(componentIds);
    for await (const interaction of liveInteractions(tenant)) yield wideRow(interaction, componentIds);
  } else {
    const project = redcapProject(models);
    if (file === 'dictionary') {
      yield project.dictionaryHeader;
      yield* project.dictionaryRows;
      return;
    }
    yield project.recordHeader;
    for await (const interaction of liveInteractions(tenant)) yield project.recordRow(interaction);
  }
}

/** Writes rows as UTF-8 CSV; `bom` helps spreadsheet programs read UTF-8 (REDCap wants none). */
export async function writeCsv(rows: AsyncIterable<string[]>, out: Writable, options: { bom: boolean }): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ bom: options.bom, record_delimiter: 'unix' }), out);
}

/** Writes rows as one worksheet of an XLSX workbook, streamed. */
export async function writeXlsx(rows: AsyncIterable<string[]>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const worksheet = workbook.addWorksheet('interactions');
  for await (const row of rows) worksheet.addRow(row).commit();
  worksheet.commit();
  await workbook.commit();
  if (!out.writableFinished) await finished(out);
}

/** The companion file of a REDCap export: `records.csv` → `records-dictionary.csv`. */
export const dictionaryFileOf = (file: string): string => {
  const extension = path.extname(file);
  return `${extension ? file.slice(0, -extension.length) : file}-dictionary${extension || '.csv'}`;
};

/** Exports to files: one for long and wide (CSV, or XLSX by extension), two for REDCap (records and dictionary). */
export async function exportInteractionsToFile(store: Store, organizationId: string, format: ExportFormat, file: string): Promise<string[]> {
  if (format === 'redcap') {
    const dictionary = dictionaryFileOf(file);
    await writeCsv(exportRows(store, organizationId, 'redcap', 'records'), createWriteStream(file), { bom: false });
    await writeCsv(exportRows(store, organizationId, 'redcap', 'dictionary'), createWriteStream(dictionary), { bom: false });
    return [file, dictionary];
  }
  const rows = exportRows(store, organizationId, format);
  if (tableFileKindOf(file) === 'xlsx') await writeXlsx(rows, createWriteStream(file));
  else await writeCsv(rows, createWriteStream(file), { bom: true });
  return [file];
}
