/**
 * Export of interactions in the long layout (issue 17: 1,000,000 interactions at least as fast as the
 * import of the same rows; the import's target, ≥ 50,000 rows/s; peak memory < 500 MB).
 *
 *   npx tsx bench/export.ts [--quick] [--interactions N] [--engagements N]
 *
 * Loads N interactions (default 1,000,000; quick 200,000) across the engagements with the scale
 * bench's loader (bench/support/support-record.ts). Measured: `exportInteractionsToFile(…, 'long',
 * file.csv)`, the use case behind `praxis export interactions --format long`: CSV rows per second, CPU
 * seconds and peak memory (resident set sampled every 20 ms, and the process high-water mark VmHWM).
 * Afterwards the file's records are counted and compared with the component rows stored.
 * Same-run baseline: the import of the exported file through `importInteractions`, the use case behind
 * `praxis import interactions`, into a copy of the database taken before the interactions were loaded
 * (the same organization and engagements, no interactions): every row must be written again. For
 * information, csv-stringify alone writing as many long rows from memory. Prints the JSON lines of
 * `bench/support/report.ts`.
 */
import { createReadStream, createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { createRandom } from '../src/demo/random.ts';
import { longHeader, longRows } from '../src/domain/support/interaction-rows.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { exportInteractionsToFile } from '../src/app/interactions/export-interactions-to-file.ts';
import { importInteractions } from '../src/app/interactions/import-interactions.ts';
import { openDatabase, openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { Store } from '../src/store/store.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const totalInteractions = argument('interactions') ?? (quick ? 200_000 : 1_000_000);
const engagementCount = argument('engagements') ?? (quick ? 200 : 1000);
const seed = 20231179;
const today = new Date().toISOString().slice(0, 10);
const targetRowsPerSecond = 50_000;

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** The process's resident-set high-water mark, from Linux's /proc (null elsewhere). */
function highWaterMarkMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Records in a CSV file whose values hold no line breaks: its line feeds. */
async function lineCount(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>)
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  return lines;
}

/** csv-stringify writing `count` rows, cycling through `sample`, to `file`. */
async function csvStringifyAlone(
  sample: string[][],
  count: number,
  file: string,
): Promise<{ seconds: number; cpuSeconds: number }> {
  async function* rows(): AsyncGenerator<string[]> {
    yield longHeader();
    for (let i = 0; i < count; i += 1) yield sample[i % sample.length]!;
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await pipeline(Readable.from(rows()), stringify({ bom: true, record_delimiter: 'unix' }), createWriteStream(file));
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const folder = temporaryFolder('export');
try {
  const dataDir = path.join(folder.dir, 'app');
  const random = createRandom(seed);
  const { store, organizationId, actor } = await openBenchStore(dataDir);

  // ---- Setup --------------------------------------------------------------------------------
  progress(`setup: ${engagementCount} engagements through the application`);
  const engagements = await createEngagements(store, organizationId, actor, random, eisToc, engagementCount, today);
  // The database before any interaction: where the baseline imports the exported rows again.
  const importDir = path.join(folder.dir, 'import');
  mkdirSync(importDir);
  const copier = openSqlite(sqliteFileIn(dataDir));
  copier.prepare('VACUUM INTO ?').run(sqliteFileIn(importDir));
  copier.close();
  const plan = spreadInteractions(random, engagements, totalInteractions);
  const loadStarted = performance.now();
  progress(`setup: ${totalInteractions.toLocaleString('en')} interactions straight into the tables`);
  // SQLite's default cache: a larger one would stay in this process's resident set during the export.
  const loader = openSqlite(sqliteFileIn(dataDir));
  let lastReport = 0;
  const loaded = loadInteractions(loader, organizationId, actor, random, eisToc, plan, (done) => {
    if (done - lastReport >= totalInteractions / 5 || done === totalInteractions) {
      lastReport = done;
      progress(`  ${done.toLocaleString('en')} written`);
    }
  });
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  progress(`setup: loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  // ---- Measured: the export -------------------------------------------------------------------
  const file = path.join(folder.dir, 'interactions.csv');
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await exportInteractionsToFile(store, organizationId, 'long', file);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const highWater = highWaterMarkMb();
  const rows = (await lineCount(file)) - 1;
  const rowsPerSecond = Math.round(rows / seconds);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = statSync(file).size;
  progress(
    `exported ${rows.toLocaleString('en')} rows (${mb(bytes)} MB) in ${seconds.toFixed(1)} s: ${rowsPerSecond.toLocaleString('en')} rows/s, ${cpuSeconds.toFixed(1)} s CPU, peak RSS ${mb(peakRss)} MB`,
  );

  // ---- Baseline: importing the exported file into the database as it was before the load ------
  await store.close();
  const importStore = new Store(await openDatabase({ dataDir: importDir }));
  progress(`baseline: importing the ${rows.toLocaleString('en')} exported rows into the database without interactions`);
  const importCpuBefore = process.cpuUsage();
  const importStarted = performance.now();
  const imported = await importInteractions(importStore, organizationId, file, { kind: 'csv', dryRun: false, actor });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const importCpu = process.cpuUsage(importCpuBefore);
  await importStore.close();
  const importCpuSeconds = (importCpu.user + importCpu.system) / 1e6;
  const importRowsPerSecond = Math.round(rows / importSeconds);
  for (const error of imported.errors.slice(0, 5))
    progress(`  import problem at row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
  progress(
    `baseline: the import wrote ${imported.written.toLocaleString('en')} interactions at ${importRowsPerSecond.toLocaleString('en')} rows/s, ${importCpuSeconds.toFixed(1)} s CPU (both of its threads)`,
  );

  // ---- For information: csv-stringify writing as many rows from memory -------------------------
  const sample: string[][] = [];
  const sampleStore = new Store(await openDatabase({ dataDir }));
  for await (const interaction of sampleStore.tenant(organizationId).interactions.eachLive({}, 1000)) {
    sample.push(...longRows(interaction));
    if (sample.length >= 10_000) break;
  }
  await sampleStore.close();
  const stringifyAlone = await csvStringifyAlone(sample, rows, path.join(folder.dir, 'baseline.csv'));
  const stringifyRowsPerSecond = Math.round(rows / stringifyAlone.seconds);
  progress(
    `for information: csv-stringify alone wrote as many rows at ${stringifyRowsPerSecond.toLocaleString('en')} rows/s, ${stringifyAlone.cpuSeconds.toFixed(1)} s CPU`,
  );

  const complete = rows === loaded.componentRows;
  const reimported = imported.errorCount === 0 && imported.written === totalInteractions;
  const machine = readMachine();
  emitRow({
    bench: 'export',
    name: `long CSV export, ${totalInteractions.toLocaleString('en')} interactions (SQLite)`,
    figure: rowsPerSecond,
    unit: 'rows/s',
    target: `≥ the import of the same rows (ratio ≥ 1) and ≥ ${targetRowsPerSecond.toLocaleString('en')} rows/s`,
    pass: rowsPerSecond >= importRowsPerSecond && rowsPerSecond >= targetRowsPerSecond,
    baseline: 'importing the exported rows (importInteractions), rows/s',
    baselineFigure: importRowsPerSecond,
    ratio: ratioOf(rowsPerSecond, importRowsPerSecond),
    details: {
      rows,
      interactions: totalInteractions,
      fileMb: mb(bytes),
      seconds: Math.round(seconds * 100) / 100,
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      // On a busy machine wall time waits for the cores; CPU time compares the work itself.
      rowsPerCpuSecond: Math.round(rows / cpuSeconds),
      importSeconds: Math.round(importSeconds * 100) / 100,
      importCpuSeconds: Math.round(importCpuSeconds * 100) / 100,
      importRowsPerCpuSecond: Math.round(rows / importCpuSeconds),
      csvStringifyRowsPerSecond: stringifyRowsPerSecond,
      csvStringifyCpuSeconds: Math.round(stringifyAlone.cpuSeconds * 100) / 100,
      loadPerCore: loadPerCore(machine),
      cores: machine.cores,
    },
  });
  emitRow({
    bench: 'export',
    name: `long CSV export, ${totalInteractions.toLocaleString('en')} interactions: peak memory`,
    figure: mb(peakRss),
    unit: 'MB RSS',
    target: '< 500 MB',
    pass: mb(peakRss) < 500,
    baseline: 'resident set before the export',
    baselineFigure: mb(baseRss),
    ratio: ratioOf(mb(peakRss), mb(baseRss)),
    // The high-water mark covers the whole process, the setup's loading included: for information.
    details: { peakRssMb: mb(peakRss), processHighWaterMarkMb: highWater, baseRssMb: mb(baseRss) },
  });
  emitRow({
    bench: 'export',
    name: 'after the export: every component row written',
    figure: rows,
    unit: 'rows',
    target: `${loaded.componentRows.toLocaleString('en')} rows, one per component use`,
    pass: complete,
    baseline: null,
    baselineFigure: null,
    ratio: null,
  });
  emitRow({
    bench: 'export',
    name: 'the exported file imported again: every interaction written',
    figure: imported.written,
    unit: 'interactions',
    target: `${totalInteractions.toLocaleString('en')} interactions, no problem reported`,
    pass: reimported,
    baseline: null,
    baselineFigure: null,
    ratio: null,
  });
  if (!complete || !reimported) process.exitCode = 1;
} finally {
  folder.remove();
}
