import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../../domain/errors.ts';
import type { TableFormat } from '../../domain/support/interaction-table.ts';
import type { ImportMapping } from '../../domain/support/import-mapping.ts';
import type { ImportReport, TableFileKind } from './import-reading.ts';
import { countOf } from '../../domain/count-of.ts';

/** Helpers of interaction imports: the file kind, the refusal of a report, spooling an upload. */

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
  /** A mapped import (docs/import-mapping.md): source columns to Praxis fields. */
  mapping?: ImportMapping | undefined;
  /** How many interactions to return in the report's preview (none when absent). */
  preview?: number | undefined;
  /** Hears now and then how many rows have been read, and what share of the file that is (0–1). */
  progress?: ((rowsRead: number, share: number) => void) | undefined;
}

/**
 * Where a table is read from: a file path, or something that opens a stream of its bytes. An upload is
 * spooled to a file first (`spoolToTempFile`), so a slow client never holds the write transaction open;
 * so is a stream given here, for the reading thread reads a file.
 */
export type TableSource = string | { open(): Readable };

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
    `${countOf(report.errorCount, 'problem')} in ${countOf(report.rowsRead, 'row')}${shown}; nothing was written`,
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
