import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { Readable, Transform, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { csvLine } from '../../domain/csv.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import {
  componentIdsOf,
  longHeader,
  longRows,
  wideHeader,
  wideRow,
  type TableInteraction,
} from '../../domain/support/interaction-rows.ts';
import { longCsvHeader, longCsvRecords } from '../../domain/support/long-csv.ts';
import type { TableFormat } from '../../domain/support/interaction-table.ts';
import { redcapProject } from '../../domain/support/redcap.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { InteractionImportWriter, TouchedMonths } from '../../store/repositories/interaction-import.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import type { EngagementContext, ImportReport, TableFileKind } from './import-reading.ts';
import type { FromReader, ImportJob, ToReader } from './import-worker.ts';
import { packageRoot } from '../package-root.ts';

/**
 * Importing and exporting interactions as CSV or XLSX files (docs/import-formats.md).
 *
 * An import reads the file once, streaming, in a thread of its own (`import-reading.ts`,
 * `import-worker.ts`). Every row is parsed and validated (syntax, duplicates, engagement and
 * model-version rules); a real run holds one transaction open meanwhile and writes the good
 * interactions in bulk as they come, stops writing at the first bad row (reading on, so the report
 * lists every problem) and then rolls back. Memory holds the interaction being read, a few batches of
 * statements, one key and one signature per interaction (outside the JavaScript heap), the month
 * months touched and the report, never the file.
 */

export type { ImportReport, TableFileKind } from './import-reading.ts';
export { maxReportedErrors } from './import-reading.ts';
export const tableFileKindOf = (file: string): TableFileKind =>
  path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';

export interface ImportOptions {
  kind: TableFileKind;
  format?: TableFormat;
  dryRun: boolean;
  /** Written to history and `loggedBy` as the author of every imported interaction. */
  actor: string;
  /** Hears now and then how many rows have been read, and what share of the file that is (0–1). */
  progress?: ((rowsRead: number, share: number) => void) | undefined;
}

/**
 * Where a table is read from: a file path, or something that opens a stream of its bytes. An upload is
 * spooled to a file first (`spoolToTempFile`), so a slow client never holds the write transaction open;
 * so is a stream given here, for the reading thread reads a file.
 */
export type TableSource = string | { open(): Readable };

/** Component ids of every model version published in the organization: the wide columns it accepts. */
async function organizationModels(tenant: TenantStore): Promise<PracticeModel[]> {
  const models: PracticeModel[] = [];
  for (const version of await tenant.models.listVersions()) {
    const model = await tenant.models.find(version.modelId, version.version);
    if (model) models.push(model);
  }
  return models;
}

async function engagementContext(tenant: TenantStore, engagementId: string): Promise<EngagementContext | null> {
  const engagement = await tenant.engagements.find(engagementId);
  const model = engagement ? await tenant.models.find(engagement.modelId, engagement.modelVersion) : undefined;
  return engagement && model ? { engagement, model } : null;
}

/**
 * The reading thread runs the same form of the code as this thread: the .ts sources under tsx or
 * vitest, or the build, where this module is bundled into a chunk of dist/node and the worker is an
 * entry point of its own (scripts/build-node.mjs); so its files are found from the package's root.
 */
const workerFolder = import.meta.filename.endsWith('.ts')
  ? path.join(packageRoot, 'src/app/interactions')
  : path.join(packageRoot, 'dist/node/app/interactions');
const workerStart = pathToFileURL(path.join(workerFolder, 'import-worker-start.mjs'));
const workerEntry = pathToFileURL(
  path.join(workerFolder, `import-worker${import.meta.filename.endsWith('.ts') ? '.ts' : '.js'}`),
).href;
/**
 * The reading thread's old generation: far more than it keeps (its keys and signatures live outside
 * the heap, in `StringTable`s), and set because V8 lets a heap with a limit of gigabytes grow to
 * several times what it keeps before collecting; under 2 GB it grows less (1.3-2 times).
 */
const readerOldGenerationMb = 512;

/**
 * The one pass over the file, in a reading thread (`import-worker.ts`) beside this one: it parses and
 * checks every row and builds the INSERT statements of the good interactions; this thread answers its
 * engagement lookups and hands each batch of statements to `writer` (a real run) as it comes. Returns the report
 * without the count written, and the calendar months of each engagement it wrote in.
 */
async function readInThread(
  tenant: TenantStore,
  file: string,
  options: ImportOptions,
  writer: InteractionImportWriter | null,
): Promise<{ report: ImportReport; touched: TouchedMonths }> {
  const job: ImportJob = {
    file,
    options: { kind: options.kind, format: options.format, dryRun: options.dryRun, actor: options.actor },
    knownComponentIds: componentIdsOf(await organizationModels(tenant)),
    write: writer ? { organizationId: writer.organizationId, actor: writer.actor } : null,
  };
  const fileBytes = Math.max(1, (await stat(file)).size);
  const worker = new Worker(workerStart, {
    workerData: { entry: workerEntry, job },
    resourceLimits: { maxOldGenerationSizeMb: readerOldGenerationMb },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const answer = (message: ToReader) => worker.postMessage(message);
    // Messages are handled one after another, in order: a batch is written before the next is looked at.
    let handled = Promise.resolve();
    worker.on('message', (message: FromReader) => {
      handled = handled
        .then(async () => {
          if (settled) return;
          if (message.type === 'engagement') {
            const context = await engagementContext(tenant, message.engagementId);
            if (context) writer?.checkedAgainst(context.engagement);
            answer({ type: 'engagement', engagementId: message.engagementId, context });
          } else if (message.type === 'progress') options.progress?.(message.rowsRead, message.bytesRead / fileBytes);
          else if (message.type === 'rows') {
            await writer!.write(message.statements, message.interactions);
            answer({ type: 'written' });
          } else {
            settled = true;
            await worker.terminate();
            resolve({ report: message.report, touched: message.touched });
          }
        })
        .catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the import's reading thread stopped early (exit code ${code})`)));
  });
}

/** Runs `work` on the file of `source`: a path as it is, a stream spooled to a temporary file first. */
async function withFile<T>(source: TableSource, kind: TableFileKind, work: (file: string) => Promise<T>): Promise<T> {
  if (typeof source === 'string') return work(source);
  const spooled = await spoolToTempFile(source.open(), kind === 'xlsx' ? '.xlsx' : '.csv', Number.POSITIVE_INFINITY);
  try {
    return await work(spooled.file);
  } finally {
    await spooled.remove();
  }
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
 * One streaming pass, read and checked in a thread of its own (`readInThread`). A real run holds one
 * transaction open meanwhile and writes the good interactions in bulk as their rows come
 * (`InteractionImportWriter`: multi-row inserts, history, rollups summed and applied at the end); after
 * the first bad row no more rows come, the reading goes on to report every problem, and the
 * transaction is rolled back.
 */
export async function importInteractions(
  store: Store,
  organizationId: string,
  source: TableSource,
  options: ImportOptions,
): Promise<ImportReport> {
  return withFile(source, options.kind, async (file) => {
    if (options.dryRun) return (await readInThread(store.tenant(organizationId), file, options, null)).report;
    try {
      return await store.transaction(async (tx) => {
        const tenant = tx.tenant(organizationId);
        const writer = tenant.interactionImport(options.actor);
        const { report, touched } = await readInThread(tenant, file, options, writer);
        if (report.errorCount > 0 || report.format === null) throw new ImportRefused(report);
        return { ...report, written: await writer.finish(touched) };
      });
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      return error.report;
    }
  });
}

/** The report's problems as the API's error details: `row 12: component_minutes`. */
export function reportDetails(report: ImportReport): { path: string; message: string }[] {
  return report.errors.map((e) => ({
    path: e.column ? `row ${e.row}: ${e.column}` : `row ${e.row}`,
    message: e.message,
  }));
}

/** The refusal of an import with bad rows, in the one error shape. */
export function importRefusal(report: ImportReport): AppError {
  const shown = report.errorCount > report.errors.length ? ` (the first ${report.errors.length} are listed)` : '';
  return invalid(
    `${report.errorCount} problem(s) in ${report.rowsRead} row(s)${shown}; nothing was written`,
    reportDetails(report),
  );
}

/** Copies a request body or other stream to a private temporary file, refusing more than `maxBytes`. */
export async function spoolToTempFile(
  source: Readable,
  extension: string,
  maxBytes: number,
): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'praxis-import-'));
  const file = path.join(dir, `upload${extension}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        callback(
          new AppError('payload_too_large', 'The file is too large', [
            { path: 'body', message: `exceeds the limit of ${maxBytes} bytes` },
          ]),
        );
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

/** Interactions an export reads at a time: memory holds one page, whatever the organization's size. */
const exportPageSize = 2000;

/** Counts the interactions an export has read so far, once per page. */
export type ExportProgress = (interactions: number) => void;

/** The live interactions of the organization a page at a time (newest first), never all at once. */
async function* livePages(tenant: TenantStore, progress?: ExportProgress): AsyncGenerator<Interaction[]> {
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await tenant.interactions.list({}, exportPageSize, cursor);
    yield page.items;
    read += page.items.length;
    progress?.(read);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The same for the long and wide layouts, with only the fields they write (`livePagesForTables`). */
async function* tablePages(tenant: TenantStore, progress?: ExportProgress): AsyncGenerator<TableInteraction[]> {
  let read = 0;
  for await (const page of tenant.interactions.livePagesForTables(exportPageSize)) {
    yield page;
    read += page.length;
    progress?.(read);
  }
}

/**
 * The rows of an export, header first, a page of rows at a time: a page is turned into rows in one
 * go, without a promise per row, and is garbage before the next is read. (A CSV file is written from
 * `exportCsv`, which makes the long layout's text without rows.)
 */
export async function* exportRows(
  store: Store,
  organizationId: string,
  format: ExportFormat,
  file: RedcapFile = 'records',
  progress?: ExportProgress,
): AsyncGenerator<string[][]> {
  const tenant = store.tenant(organizationId);
  if (format === 'long') {
    yield [longHeader()];
    for await (const page of tablePages(tenant, progress)) yield page.flatMap(longRows);
    return;
  }
  const models = await organizationModels(tenant);
  if (format === 'wide') {
    const componentIds = componentIdsOf(models);
    yield [wideHeader(componentIds)];
    for await (const page of tablePages(tenant, progress)) yield page.map((i) => wideRow(i, componentIds));
  } else {
    const project = redcapProject(models);
    if (file === 'dictionary') {
      yield [project.dictionaryHeader, ...project.dictionaryRows];
      return;
    }
    yield [project.recordHeader];
    for await (const page of livePages(tenant, progress)) yield page.map((i) => project.recordRow(i));
  }
}

/** CSV text of rows: one record per row (`csvLine`), each ending in a line feed. */
async function* csvTextOf(pages: AsyncIterable<readonly (readonly string[])[]>): AsyncGenerator<string> {
  for await (const rows of pages) {
    let text = '';
    for (const row of rows) text += `${csvLine(row)}\n`;
    yield text;
  }
}

/**
 * An export as CSV text, a page at a time, header first. The long layout, which an export of a large
 * organization writes millions of rows of, is made into text straight from the interactions
 * (`longCsvRecords`); the other layouts go through their rows (`exportRows`). The same text either way.
 */
export async function* exportCsv(
  store: Store,
  organizationId: string,
  format: ExportFormat,
  file: RedcapFile = 'records',
  progress?: ExportProgress,
): AsyncGenerator<string> {
  if (format !== 'long') {
    yield* csvTextOf(exportRows(store, organizationId, format, file, progress));
    return;
  }
  yield longCsvHeader();
  for await (const page of tablePages(store.tenant(organizationId), progress)) {
    let text = '';
    for (const interaction of page) text += longCsvRecords(interaction);
    yield text;
  }
}

/**
 * Writes CSV text to `out` as UTF-8, a piece (a page of records) at a time, waiting whenever `out`
 * asks to, so memory holds about one piece however many come; `bom` helps spreadsheet programs read
 * UTF-8 (REDCap wants none). On an error `out` is destroyed, as `pipeline` would, and the error rejects
 * the returned promise.
 */
export async function writeCsvText(
  pieces: AsyncIterable<string>,
  out: Writable,
  options: { bom: boolean },
): Promise<void> {
  // Held from the start, so a failing destination (a full disk) rejects here instead of going unheard.
  let failed: Error | null = null;
  const onError = (error: Error) => (failed ??= error);
  out.on('error', onError);
  try {
    let waiting = options.bom ? '\ufeff' : '';
    for await (const piece of pieces) {
      if (failed) throw failed;
      if (!out.write(waiting + piece)) await once(out, 'drain');
      waiting = '';
    }
    if (failed) throw failed;
    out.end(waiting);
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  } finally {
    out.off('error', onError);
  }
}

/**
 * Writes rows as CSV (`csvLine`, LF line endings): the cells csv-stringify writes with Praxis's
 * options, several times faster than its stream, which was most of a long export's time.
 */
export const writeCsv = (
  pages: AsyncIterable<readonly (readonly string[])[]>,
  out: Writable,
  options: { bom: boolean },
): Promise<void> => writeCsvText(csvTextOf(pages), out, options);

/**
 * Writes pages of rows as one worksheet of an XLSX workbook, streamed. Text goes into string cells, which
 * a spreadsheet never evaluates (a formula is a cell of its own kind), so it is written as it is.
 */
export async function writeXlsx(pages: AsyncIterable<readonly string[][]>, out: Writable): Promise<void> {
  // ExcelJS loads with the first XLSX written, not with the server or the CLI.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const worksheet = workbook.addWorksheet('interactions');
  for await (const rows of pages) for (const row of rows) worksheet.addRow(row).commit();
  worksheet.commit();
  await workbook.commit();
  if (!out.writableFinished) await finished(out);
}

/** The companion file of a REDCap export: `records.csv` → `records-dictionary.csv`. */
export const dictionaryFileOf = (file: string): string => {
  const extension = path.extname(file);
  return `${extension ? file.slice(0, -extension.length) : file}-dictionary${extension || '.csv'}`;
};

/**
 * A file stream that takes a page of an export at once (a few MB): the disk writes it while the next
 * page is read, instead of the export waiting for each write in turn (a default stream asks to wait
 * past 16 KB).
 */
const csvFileStream = (file: string): Writable => createWriteStream(file, { highWaterMark: 8 << 20 });

/**
 * Exports to files: one for long and wide (CSV, or XLSX by extension), two for REDCap (records and
 * dictionary). `progress` hears how many interactions have been read, page by page.
 */
export async function exportInteractionsToFile(
  store: Store,
  organizationId: string,
  format: ExportFormat,
  file: string,
  progress?: ExportProgress,
): Promise<string[]> {
  if (format === 'redcap') {
    const dictionary = dictionaryFileOf(file);
    await writeCsvText(exportCsv(store, organizationId, 'redcap', 'records', progress), csvFileStream(file), {
      bom: false,
    });
    await writeCsvText(exportCsv(store, organizationId, 'redcap', 'dictionary'), csvFileStream(dictionary), {
      bom: false,
    });
    return [file, dictionary];
  }
  if (tableFileKindOf(file) === 'xlsx')
    await writeXlsx(exportRows(store, organizationId, format, 'records', progress), createWriteStream(file));
  else
    await writeCsvText(exportCsv(store, organizationId, format, 'records', progress), csvFileStream(file), {
      bom: true,
    });
  return [file];
}
