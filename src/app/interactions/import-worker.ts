import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  ImportRowBuilder,
  type ImportStatement,
  type TouchedMonths,
} from '../../store/repositories/interaction-import.ts';
import { readAndCheck, type EngagementContext, type ImportReport, type ReadOptions } from './import-reading.ts';

/**
 * The import's reading thread (started through `import-worker-start.mjs`): reads and checks the file
 * (`readAndCheck`) and builds the rows of the good interactions (`ImportRowBuilder`), while the thread
 * that started it writes them. On two cores, parsing and checking run beside the database's work.
 *
 * Messages: the reader asks for each engagement it meets once (`engagement`, answered with its context);
 * it sends the statements of the rows in batches (`rows`, each answered with `written` once run) and never has more than
 * `maxBatchesInFlight` unanswered, so memory stays bounded however fast it reads; it tells how far it
 * has read now and then (`progress`, not answered); it ends with `done`:
 * the report and the months touched. Once a problem is found it sends no more rows.
 */

export interface ImportJob {
  file: string;
  options: ReadOptions;
  knownComponentIds: string[];
  /** For a real run: whom the rows are built for. Null on a dry run (nothing is built). */
  write: { organizationId: string; actor: string } | null;
}

export type ToReader =
  { type: 'engagement'; engagementId: string; context: EngagementContext | null } | { type: 'written' };
export type FromReader =
  | { type: 'engagement'; engagementId: string }
  | { type: 'rows'; statements: ImportStatement[]; interactions: number }
  | { type: 'progress'; rowsRead: number; bytesRead: number }
  | { type: 'done'; report: ImportReport; touched: TouchedMonths };

/**
 * Statements a batch holds (about a hundred interactions), and batches sent but not yet written. Few and
 * small: what waits in the writing thread lives long enough to be moved to V8's old generation, whose
 * garbage grows the heap, while two batches already keep both threads busy.
 */
const batchStatements = 4;
const maxBatchesInFlight = 2;

async function read(port: MessagePort, job: ImportJob): Promise<void> {
  const send = (message: FromReader) => port.postMessage(message);
  const engagementWaiters = new Map<string, (context: EngagementContext | null) => void>();
  let inFlight = 0;
  let resumeWriting: (() => void) | null = null;
  port.on('message', (message: ToReader) => {
    if (message.type === 'engagement') {
      engagementWaiters.get(message.engagementId)?.(message.context);
      engagementWaiters.delete(message.engagementId);
    } else {
      inFlight -= 1;
      resumeWriting?.();
      resumeWriting = null;
    }
  });
  const lookup = (engagementId: string) =>
    new Promise<EngagementContext | null>((resolve) => {
      engagementWaiters.set(engagementId, resolve);
      send({ type: 'engagement', engagementId });
    });
  const builder = job.write ? new ImportRowBuilder(job.write.organizationId, job.write.actor) : null;
  const flush = async (last: boolean) => {
    while (inFlight >= maxBatchesInFlight) await new Promise<void>((resolve) => (resumeWriting = resolve));
    inFlight += 1;
    const interactions = builder!.built;
    send({ type: 'rows', statements: last ? builder!.takeAll() : builder!.take(), interactions });
  };
  const report = await readAndCheck(
    job.file,
    job.options,
    new Set(job.knownComponentIds),
    lookup,
    builder
      ? async ({ data }) => {
          builder.add(data);
          if (builder.readyCount >= batchStatements) await flush(false);
        }
      : null,
    (rowsRead, bytesRead) => send({ type: 'progress', rowsRead, bytesRead }),
  );
  if (builder && report.errorCount === 0) await flush(true);
  send({ type: 'done', report, touched: builder && report.errorCount === 0 ? builder.touchedMonths() : [] });
}

if (parentPort && workerData && typeof workerData === 'object' && 'job' in workerData)
  await read(parentPort, (workerData as { job: ImportJob }).job);
