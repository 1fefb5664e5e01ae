import type { Writable } from 'node:stream';
import {
  readmeFile,
  readmeText,
  researchExportFiles,
  type WrittenFile,
} from '../../analysis/research-export/research-export.ts';
import { type Table } from '../../analysis/research-export/tables.ts';
import { formatCsv, type CsvCell } from '../../domain/csv.ts';
import { praxisVersion } from '../package-root.ts';
import { ZipWriter } from './zip-writer.ts';
import type { PreparedResearchExport } from './research-export-records.ts';

const rowsPerChunk = 1000;

/** A table as CSV text chunks, a thousand rows at a time. */
async function* csvChunks(table: Table, count: { rows: number }, progress?: () => void): AsyncGenerator<string> {
  let batch: CsvCell[][] = [];
  let header = true;
  for await (const row of table.rows()) {
    if (header) header = false;
    else count.rows += 1;
    batch.push(row);
    if (batch.length === rowsPerChunk) {
      yield formatCsv(batch, { recordDelimiter: 'unix' });
      batch = [];
      progress?.();
    }
  }
  if (batch.length > 0) yield formatCsv(batch, { recordDelimiter: 'unix' });
}

/**
 * Writes a prepared research export to `out` as a zip and ends it; returns what it wrote. `progress`
 * hears the rows written so far, over all files, a thousand at a time.
 */
export async function writeResearchExport(
  { input, pseudonym, options, exportedAt }: PreparedResearchExport,
  out: Writable,
  progress?: (rows: number) => void,
): Promise<WrittenFile[]> {
  const zip = new ZipWriter(out, exportedAt);
  const written: WrittenFile[] = [];
  let rowsBefore = 0;
  for (const file of researchExportFiles(input, pseudonym)) {
    if (typeof file.content === 'string') written.push({ ...(await zip.add(file.file, [file.content])), rows: null });
    else {
      const count = { rows: 0 };
      const chunks = csvChunks(file.content, count, progress && (() => progress(rowsBefore + count.rows)));
      written.push({ ...(await zip.add(file.file, chunks)), rows: count.rows });
      rowsBefore += count.rows;
    }
  }
  const readme = readmeText(
    {
      praxisVersion,
      exportedAt: exportedAt.toISOString(),
      models: input.models.map((m) => ({ id: m.id, version: m.version })),
      filters: {
        from: options.from,
        to: options.to,
        engagement: options.engagementId && pseudonym('engagement', options.engagementId),
      },
    },
    written,
  );
  written.push({ ...(await zip.add(readmeFile, [readme])), rows: null });
  await zip.end();
  return written;
}
