import path from 'node:path';
import { once } from 'node:events';
import { type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvLine } from '../../domain/csv.ts';
import {
  componentIdsOf,
  longHeader,
  longRows,
  wideHeader,
  wideRow,
  type TableInteraction,
} from '../../domain/support/interaction-rows.ts';
import { longCsvHeader, longCsvRecords } from '../../domain/support/long-csv.ts';
import { redcapProject } from '../../domain/support/redcap.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { Store, TenantStore } from '../../store/store.ts';

/** Helpers of interaction exports: rows and CSV text a page at a time, CSV and XLSX writers. */

/** Component ids of every model version published in the organization: the wide columns it accepts. */
export async function organizationModels(tenant: TenantStore): Promise<PracticeModel[]> {
  const models: PracticeModel[] = [];
  for (const version of await tenant.models.listVersions()) {
    const model = await tenant.models.find(version.modelId, version.version);
    if (model) models.push(model);
  }
  return models;
}

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
