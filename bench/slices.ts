/**
 * Slices against DuckDB on an existing database (issue 14): the part of `bench/scale.ts` that compares
 * Praxis's descriptives and practice use for the whole organization, a two-year period, half the
 * engagements and half over the period with DuckDB over the raw long rows (`bench/support/slices.ts`),
 * without generating the data again: point it at a copy of a database the scale bench kept.
 *
 *   npx tsx bench/slices.ts --data /path/to/copy/of/app [--repeats 30]
 *
 * Without `--data` it does nothing (as in `npm run bench`).
 *
 * The database is migrated to the latest schema first (so use a copy). Half the engagements: every
 * other one in the order of their ids. The period: two calendar years from the middle of the stored
 * months, as in the scale bench.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, sqliteFileIn } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { Store } from '../src/store/store.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { emitRow, progress } from './support/report.ts';
import { compareSlices, sliceRows } from './support/slices.ts';

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const dataDir = option('data');
if (!dataDir) {
  // `npm run bench` runs every bench: without a database there is nothing to add to the scale bench's slices.
  progress('no --data folder given: the scale bench measures the slices on the data it generates');
  process.exit(0);
}
const repeats = Number(option('repeats') ?? 30);
const today = new Date().toISOString().slice(0, 10);

const database = await openDatabase({ dataDir });
const failures: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'praxis-bench-slices-'));
try {
  let started = performance.now();
  await migrateToLatest(database.db);
  progress(`migrated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const store = new Store(database);
  const sqlite = database.sqlite!;
  const { id: organizationId } = sqlite.prepare('select id from organizations order by id limit 1').get() as {
    id: string;
  };
  const tenant = store.tenant(organizationId);
  const interactions = Number(
    (
      sqlite.prepare('select count(*) as n from interactions where organization_id = ?').get(organizationId) as {
        n: number;
      }
    ).n,
  );
  const engagements = (await tenant.engagements.list()).map((e) => e.id).sort();
  const half = engagements.filter((_, i) => i % 2 === 0);
  const months = (await tenant.dose.organizationByCalendarMonth()).map((m) => m.calendarMonth);
  const middle = months[Math.floor(months.length / 2)] ?? today.slice(0, 7);
  const period = { from: middle, to: `${Number(middle.slice(0, 4)) + 2}-${middle.slice(5, 7)}` };
  progress(
    `${interactions.toLocaleString('en')} interactions, ${engagements.length} engagements, ${Math.round(statSync(sqliteFileIn(dataDir)).size / 2 ** 20)} MB; load ${loadPerCore(readMachine())} per core`,
  );
  started = performance.now();
  const slices = await compareSlices({
    tenant,
    sqlite,
    organizationId,
    half,
    period,
    repeats,
    folder: scratch,
    today,
    failures,
  });
  progress(`measured in ${Math.round((performance.now() - started) / 1000)} s`);
  const size = interactions >= 1_000_000 ? `${interactions / 1_000_000}M` : `${Math.round(interactions / 1000)}k`;
  for (const row of sliceRows(slices, `at ${size} interactions`)) emitRow(row);
  await store.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAILED ${failure}\n`);
  process.exitCode = 1;
}
