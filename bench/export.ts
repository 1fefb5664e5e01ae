/**
 * Export of interactions in the long layout (issue 17: 1,000,000 interactions at least as fast as the
 * import of the same rows; the import's target, ≥ 50,000 rows/s; peak memory < 500 MB).
 *
 *   npx tsx bench/export.ts [--quick] [--interactions N] [--engagements N]
 *
 * Loads N interactions (default 1,000,000; quick 200,000) across the engagements with the scale
 * bench's loader (bench/support/support-record.ts), then builds the CLI (`npm run build:node`), so the
 * figures describe the current sources. Measured as users run it, in a process of its own under
 * `/usr/bin/time`: `praxis export interactions --format long --out file.csv` on the bench's SQLite
 * file: CSV rows per second, CPU seconds and the process's peak resident set. Afterwards the file's
 * records are counted and compared with the component rows stored.
 * Same-run baseline, measured the same way: `praxis import interactions file.csv` into a copy of the
 * database taken before the interactions were loaded (the same organization and engagements, no
 * interactions): every row must be written again. For information, csv-stringify alone writing as many
 * long rows from memory, in this process. Prints the JSON lines of `bench/support/report.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { createRandom } from '../src/demo/random.ts';
import { longHeader, longRows } from '../src/domain/support/interaction-rows.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import type { ImportReport } from '../src/app/interactions/import-reading.ts';
import { openDatabase, openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { Store } from '../src/store/store.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';
import { timedNode } from './support/timed-process.ts';

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
const root = path.resolve(import.meta.dirname, '..');

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

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
  const loader = openSqlite(sqliteFileIn(dataDir));
  loader.pragma('cache_size = -524288');
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

  await store.close();
  progress('setup: building the CLI');
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build:node failed');
  const timeFile = path.join(folder.dir, 'time.txt');
  /** `praxis …` on the SQLite database in `databaseDir`, as its own process (quiet: no terminal). */
  const praxis = (databaseDir: string, args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: databaseDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    return timedNode([path.join(root, 'bin/praxis.js'), ...args], { env, cwd: root, timeFile });
  };
  const failed = (run: { code: number; stdout: string; stderr: string }): string =>
    (run.stdout + run.stderr).trim().split('\n').slice(-5).join(' | ');

  // ---- Measured: the export -------------------------------------------------------------------
  const file = path.join(folder.dir, 'interactions.csv');
  progress('measure: praxis export interactions --format long');
  const exported = praxis(dataDir, [
    'export',
    'interactions',
    '--org',
    organizationId,
    '--format',
    'long',
    '--out',
    file,
  ]);
  const exportLoad = loadPerCore(readMachine());
  if (exported.code !== 0) throw new Error(`praxis export exited ${exported.code}: ${failed(exported)}`);
  const rows = (await lineCount(file)) - 1;
  const rowsPerSecond = Math.round(rows / exported.seconds);
  const bytes = statSync(file).size;
  progress(
    `exported ${rows.toLocaleString('en')} rows (${mb(bytes)} MB) in ${exported.seconds.toFixed(1)} s: ${rowsPerSecond.toLocaleString('en')} rows/s, ${exported.cpuSeconds.toFixed(1)} s CPU, peak RSS ${exported.peakMb} MB`,
  );

  // ---- Baseline: importing the exported file into the database as it was before the load ------
  progress(
    `baseline: praxis import interactions, ${rows.toLocaleString('en')} rows into the database without interactions`,
  );
  const importRun = praxis(importDir, ['import', 'interactions', file, '--org', organizationId, '--json']);
  const importLoad = loadPerCore(readMachine());
  const imported = (
    importRun.code === 0 ? JSON.parse(importRun.stdout) : { written: 0, errorCount: 1, errors: [] }
  ) as ImportReport;
  if (importRun.code !== 0) progress(`  praxis import exited ${importRun.code}: ${failed(importRun)}`);
  const importRowsPerSecond = Math.round(rows / importRun.seconds);
  for (const error of imported.errors.slice(0, 5))
    progress(`  import problem at row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
  progress(
    `baseline: the import wrote ${imported.written.toLocaleString('en')} interactions at ${importRowsPerSecond.toLocaleString('en')} rows/s, ${importRun.cpuSeconds.toFixed(1)} s CPU (both of its threads), peak RSS ${importRun.peakMb} MB`,
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
    baseline: 'praxis import interactions of the exported file, rows/s',
    baselineFigure: importRowsPerSecond,
    ratio: ratioOf(rowsPerSecond, importRowsPerSecond),
    details: {
      rows,
      interactions: totalInteractions,
      fileMb: mb(bytes),
      seconds: exported.seconds,
      cpuSeconds: exported.cpuSeconds,
      // On a busy machine wall time waits for the cores; CPU time compares the work itself.
      rowsPerCpuSecond: Math.round(rows / exported.cpuSeconds),
      importSeconds: importRun.seconds,
      importCpuSeconds: importRun.cpuSeconds,
      importRowsPerCpuSecond: Math.round(rows / importRun.cpuSeconds),
      csvStringifyRowsPerSecond: stringifyRowsPerSecond,
      csvStringifyCpuSeconds: Math.round(stringifyAlone.cpuSeconds * 100) / 100,
      loadPerCore: { export: exportLoad, import: importLoad, end: loadPerCore(machine) },
      cores: machine.cores,
    },
  });
  emitRow({
    bench: 'export',
    name: `long CSV export, ${totalInteractions.toLocaleString('en')} interactions: peak memory`,
    figure: exported.peakMb,
    unit: 'MB RSS',
    target: '< 500 MB',
    pass: exported.peakMb < 500,
    baseline: 'the import of the same rows (praxis import interactions): peak RSS',
    baselineFigure: importRun.peakMb,
    ratio: ratioOf(exported.peakMb, importRun.peakMb),
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
