/**
 * Import of a long CSV (issue 4: a 1,000,000-row file at ≥ 50,000 rows/s with peak memory < 500 MB).
 *
 *   npx tsx bench/import.ts [--quick] [--rows N]
 *
 * Generates a long CSV of N rows (default 1,000,000; quick 100,000): interactions of three component
 * rows each, spread over 20 engagements and eight years. Imports it into a fresh SQLite file through
 * `importInteractions`, the use case behind `praxis import interactions` and the HTTP import, and
 * measures rows per second (wall and CPU time) and peak memory (resident set sampled every 20 ms, and
 * the process high-water mark VmHWM). Same-run baseline: csv-parse alone reading the same file, the
 * floor of any import that parses CSV with it. Afterwards checks that every row landed (interactions,
 * component rows, one history entry each) and that the rollups equal a recomputation (`checkDerived`,
 * what `praxis check` runs). Prints the JSON lines of `bench/support/report.ts`.
 */
import { closeSync, createReadStream, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import { eisToc } from '../src/model/builtin/index.ts';
import { createEngagement } from '../src/app/engagements/create-engagement.ts';
import { importInteractions } from '../src/app/interactions/import-interactions.ts';
import { checkDerived } from '../src/app/derived/check-derived.ts';
import { createPartner } from '../src/app/partners/create-partner.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { addDays } from './support/interactions.ts';
import { readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const rowsWanted = argument('rows') ?? (quick ? 100_000 : 1_000_000);
const engagementCount = 20;
const firstDate = '2016-01-01';
const days = 8 * 365;

const header =
  'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes';

/**
 * Writes the long CSV: interaction i belongs to engagement i mod 20, falls on one of 2,920 days and gets
 * a time of day that makes it unique; its three components rotate through the model's ten, each with
 * its first two practice activities. Written in 1 MB pieces, never held whole.
 */
function writeLongCsv(file: string, engagementIds: string[], rows: number): { rows: number; interactions: number } {
  const components = eisToc.components.map((c) => ({
    id: c.id,
    activities: c.activities
      .slice(0, 2)
      .map((a) => a.id)
      .join(';'),
  }));
  const dates = Array.from({ length: days }, (_, d) => addDays(firstDate, d));
  const modes = ['in-person', 'video', 'phone', 'email', 'other'];
  const notes = 'Reviewed the readiness survey with the leadership team and agreed next steps';
  const fd = openSync(file, 'w');
  let chunk = `${header}\n`;
  let written = 0;
  let interaction = 0;
  for (; written + 3 <= rows; interaction += 1, written += 3) {
    const slot = Math.floor(interaction / engagementCount);
    const minute = Math.floor(slot / days);
    const time = `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const shared = `${engagementIds[interaction % engagementCount]},${dates[slot % days]},${time},90,${modes[interaction % modes.length]},`;
    const tail = `relationship-centered:${1 + (interaction % 5)};data-informed,individual=3;team=1,${notes}`;
    for (let k = 0; k < 3; k += 1) {
      const component = components[(interaction + k * 3) % components.length]!;
      chunk += `i${interaction},${shared},${component.id},${20 + k * 5},${component.activities},${tail}\n`;
    }
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return { rows: written, interactions: interaction };
}

/** The process's resident-set high-water mark, from Linux's /proc (null elsewhere). */
function highWaterMarkMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

async function csvParseAlone(file: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let rows = 0;
  for await (const record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true })))
    if ((record as string[]).length > 0) rows += 1;
  return { rows: rows - 1, seconds: (performance.now() - started) / 1000 };
}

const folder = temporaryFolder('import');
try {
  const { store, organizationId, actor } = await openBenchStore(folder.dir);
  const engagementIds: string[] = [];
  for (let e = 0; e < engagementCount; e += 1) {
    const partner = await createPartner(
      store,
      organizationId,
      {
        name: `Agency ${e + 1}`,
        kind: 'organization',
        parentId: null,
        type: 'county agency',
        region: `Region ${(e % 13) + 1}`,
        stateOrCountry: e % 2 ? 'PA' : 'NC',
        tags: [],
      },
      actor,
    );
    const startDate = addDays('2015-06-01', e * 7);
    const engagement = await createEngagement(
      store,
      organizationId,
      {
        partnerId: partner.id,
        name: `Support for agency ${e + 1}`,
        supportTeam: [],
        startDate,
        endDate: null,
        modelId: eisToc.id,
        modelVersion: eisToc.version,
        stages: [{ stageId: eisToc.stages[0]!.id, startedOn: startDate }],
        goals: [],
      },
      actor,
    );
    engagementIds.push(engagement.id);
  }
  const file = path.join(folder.dir, 'interactions.csv');
  const generated = writeLongCsv(file, engagementIds, rowsWanted);
  const bytes = statSync(file).size;
  progress(
    `generated ${generated.rows.toLocaleString('en')} rows (${generated.interactions.toLocaleString('en')} interactions, ${mb(bytes)} MB); importing`,
  );

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await importInteractions(store, organizationId, file, { kind: 'csv', dryRun: false, actor });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const highWater = highWaterMarkMb();
  if (report.errorCount > 0 || report.written !== generated.interactions)
    throw new Error(
      `the import did not write the file: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 5) })}`,
    );
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rowsPerSecond = Math.round(report.rowsRead / seconds);
  progress(
    `imported in ${seconds.toFixed(1)} s (${rowsPerSecond.toLocaleString('en')} rows/s, ${cpuSeconds.toFixed(1)} s CPU), peak RSS ${mb(peakRss)} MB; baseline: csv-parse alone`,
  );

  const baseline = await csvParseAlone(file);
  const baselineRowsPerSecond = Math.round(baseline.rows / baseline.seconds);
  progress(
    `csv-parse alone: ${baseline.seconds.toFixed(1)} s (${baselineRowsPerSecond.toLocaleString('en')} rows/s); checking what was written`,
  );

  const tenant = store.tenant(organizationId);
  const count = async (table: 'interactions' | 'interaction_components' | 'history', extra = sql``) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from ${sql.table(table)} where organization_id = ${organizationId} ${extra}`.execute(
          store.database.db,
        )
      ).rows[0]!.n,
    );
  const stored = {
    interactions: await count('interactions'),
    componentRows: await count('interaction_components'),
    historyEntries: await count('history', sql`and entity = 'interaction'`),
  };
  const differences = await checkDerived(tenant);
  const complete =
    stored.interactions === generated.interactions &&
    stored.componentRows === generated.rows &&
    stored.historyEntries === generated.interactions;
  const machine = readMachine();
  const details = {
    rows: report.rowsRead,
    interactions: report.interactions,
    fileMb: mb(bytes),
    seconds: Math.round(seconds * 100) / 100,
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    rowsPerCpuSecond: Math.round(report.rowsRead / cpuSeconds),
    stored,
    rollupDifferences: differences.length,
    loadAverage: machine.loadAverage,
    cores: machine.cores,
  };
  emitRow({
    bench: 'import',
    name: `long CSV import, ${report.rowsRead.toLocaleString('en')} rows (SQLite)`,
    figure: rowsPerSecond,
    unit: 'rows/s',
    target: '≥ 50,000 rows/s (issue 4)',
    pass: rowsPerSecond >= 50_000,
    baseline: 'csv-parse alone, same file',
    baselineFigure: baselineRowsPerSecond,
    ratio: ratioOf(rowsPerSecond, baselineRowsPerSecond),
    details,
  });
  emitRow({
    bench: 'import',
    name: `long CSV import, ${report.rowsRead.toLocaleString('en')} rows: peak memory`,
    figure: mb(peakRss),
    unit: 'MB RSS',
    target: '< 500 MB (issue 4)',
    pass: mb(peakRss) < 500 && (highWater === null || highWater < 500),
    baseline: 'resident set before the import',
    baselineFigure: mb(baseRss),
    ratio: ratioOf(mb(peakRss), mb(baseRss)),
    details: { peakRssMb: mb(peakRss), highWaterMarkMb: highWater, baseRssMb: mb(baseRss) },
  });
  emitRow({
    bench: 'import',
    name: 'after the import: rows stored and rollups equal to a recomputation',
    figure: differences.length,
    unit: 'differences',
    target: 'every row stored, 0 rollup differences',
    pass: complete && differences.length === 0,
    baseline: null,
    baselineFigure: null,
    ratio: null,
    details: { ...stored, expectedInteractions: generated.interactions, expectedComponentRows: generated.rows },
  });
  await store.close();
  if (!complete || differences.length > 0) process.exitCode = 1;
} finally {
  folder.remove();
}
