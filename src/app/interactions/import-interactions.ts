import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { componentIdsOf } from '../../domain/support/interaction-rows.ts';
import type { InteractionImportWriter, TouchedMonths } from '../../store/repositories/interaction-import.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import type { EngagementContext, ImportReport, TableFileKind } from './import-reading.ts';
import type { FromReader, ImportJob, ToReader } from './import-worker.ts';
import { packageRoot } from '../package-root.ts';
import { organizationModels } from './export-files.ts';
import { spoolToTempFile, type ImportOptions, type TableSource } from './import-files.ts';

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
    options: {
      kind: options.kind,
      format: options.format,
      dryRun: options.dryRun,
      actor: options.actor,
      preview: options.preview,
      mapped: options.mapping && {
        mapping: options.mapping,
        engagements: (await tenant.engagements.list()).map(({ id, name }) => ({ id, name })),
      },
    },
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
