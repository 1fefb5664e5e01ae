import { createWriteStream } from 'node:fs';
import { type Writable } from 'node:stream';
import type { Store } from '../../store/store.ts';
import {
  dictionaryFileOf,
  exportCsv,
  exportRows,
  writeCsvText,
  writeXlsx,
  type ExportFormat,
  type ExportProgress,
} from './export-files.ts';
import { tableFileKindOf } from './import-files.ts';

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
