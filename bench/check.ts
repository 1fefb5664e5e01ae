/**
 * `praxis check` and `praxis rebuild` at scale (issue 14, item 3: each ≤ 60 s with a peak RSS ≤ 500 MB
 * at 1,000,000 interactions).
 *
 *   npx tsx bench/check.ts [--quick] [--interactions 1000000] [--engagements 1000] [--from praxis.db] [--keep]
 *
 * Setup (not measured): one organization with ~1,000 engagements and 1,000,000 interactions (quick:
 * 100,000), generated and written as `bench/scale.ts` writes them (bench/support/support-record.ts),
 * or a copy of an existing database given by `--from` (the original is never opened). Builds the CLI
 * first (`npm run build:node`), so the figures describe the current sources.
 *
 * Measured, each as its own process under `/usr/bin/time` (wall seconds, CPU seconds and peak resident
 * set), as users run them: `praxis check`; `praxis rebuild` with every row already right; then, after
 * every declared table is emptied (not measured), `praxis rebuild` writing every row; then `praxis
 * check` again. Both checks must exit 0 (the setup's rows and the rebuilt rows agree with the raw rows). Same-run baseline: a Node
 * process that opens the same file with better-sqlite3 and reads every interaction row's raw columns
 * and every component row once (what any recomputation must at least read), measured before and after.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { eisToc } from '../src/model/builtin/index.ts';
import { createRandom } from '../src/demo/random.ts';
import { derivedTables } from '../src/domain/support/derived/registry.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { timedNode } from './support/timed-process.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const totalInteractions = Number(argument('interactions') ?? (quick ? 100_000 : 1_000_000));
const engagementCount = Number(argument('engagements') ?? 1000);
const from = argument('from');
const keep = process.argv.includes('--keep');
const root = path.resolve(import.meta.dirname, '..');
const seed = 20231179;

/** The baseline: every interaction's raw columns and every component row read once, straight from the file. */
const baselineScript = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { readonly: true });
let n = 0, minutes = 0, bytes = 0;
for (const r of db.prepare('select engagement_id, date, duration_minutes, mode, logged_by, components, principles, next_steps from interactions where deleted_at is null order by engagement_id').raw().iterate()) { n++; bytes += r[5].length + r[6].length + r[7].length; }
for (const r of db.prepare('select component_id, minutes from interaction_components').raw().iterate()) { minutes += r[1]; }
process.stdout.write(JSON.stringify({ n, minutes, bytes }));
`;

const failures: string[] = [];
const folder = temporaryFolder('check');
try {
  const dataDir = path.join(folder.dir, 'app');
  const file = sqliteFileIn(dataDir);
  let interactions = totalInteractions;
  if (from) {
    progress(`setup: copying ${from}`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(from, file);
    const db = openSqlite(file);
    interactions = (
      db.prepare('select count(*) as n from interactions where deleted_at is null').get() as { n: number }
    ).n;
    db.close();
  } else {
    const random = createRandom(seed);
    const { store, organizationId, actor } = await openBenchStore(dataDir);
    const today = new Date().toISOString().slice(0, 10);
    progress(`setup: ${engagementCount} engagements through the application`);
    const engagements = await createEngagements(store, organizationId, actor, random, eisToc, engagementCount, today);
    const plan = spreadInteractions(random, engagements, totalInteractions);
    await store.close();
    progress(`setup: ${totalInteractions.toLocaleString('en')} interactions straight into the tables`);
    const loader = openSqlite(file);
    loader.pragma('cache_size = -524288');
    loadInteractions(loader, organizationId, actor, random, eisToc, plan, () => undefined);
    loader.pragma('wal_checkpoint(TRUNCATE)');
    loader.close();
  }
  progress(`setup: ${interactions.toLocaleString('en')} live interactions; building the CLI`);
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build:node failed');

  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const timeFile = path.join(folder.dir, 'time.txt');
  const praxis = (command: string) =>
    timedNode([path.join(root, 'bin/praxis.js'), command], { env, cwd: root, timeFile });
  const baseline = () => timedNode(['-e', baselineScript, file], { env, cwd: root, timeFile });

  const load: number[] = [];
  progress('measure: baseline (raw read)');
  const baseBefore = baseline();
  load.push(loadPerCore(readMachine()));
  progress(`  ${baseBefore.seconds} s, ${baseBefore.cpuSeconds} s CPU, ${baseBefore.peakMb} MB`);
  progress('measure: praxis check');
  const check = praxis('check');
  load.push(loadPerCore(readMachine()));
  progress(
    `  ${check.seconds} s, ${check.cpuSeconds} s CPU, ${check.peakMb} MB, exit ${check.code}: ${check.stdout.trim().split('\n').at(-1)}`,
  );
  progress('measure: praxis rebuild (every row already right)');
  const rebuild = praxis('rebuild');
  load.push(loadPerCore(readMachine()));
  progress(`  ${rebuild.seconds} s, ${rebuild.cpuSeconds} s CPU, ${rebuild.peakMb} MB, exit ${rebuild.code}`);
  progress('setup: emptying every declared table');
  const emptier = openSqlite(file);
  for (const table of derivedTables) emptier.prepare(`delete from ${table.table}`).run();
  emptier.pragma('wal_checkpoint(TRUNCATE)');
  emptier.close();
  progress('measure: praxis rebuild (every row missing)');
  const rebuildAll = praxis('rebuild');
  load.push(loadPerCore(readMachine()));
  progress(
    `  ${rebuildAll.seconds} s, ${rebuildAll.cpuSeconds} s CPU, ${rebuildAll.peakMb} MB, exit ${rebuildAll.code}`,
  );
  progress('measure: praxis check after the rebuild');
  const checkAgain = praxis('check');
  load.push(loadPerCore(readMachine()));
  progress(
    `  ${checkAgain.seconds} s, ${checkAgain.cpuSeconds} s CPU, ${checkAgain.peakMb} MB, exit ${checkAgain.code}`,
  );
  progress('measure: baseline again');
  const baseAfter = baseline();
  load.push(loadPerCore(readMachine()));
  progress(`  ${baseAfter.seconds} s, ${baseAfter.cpuSeconds} s CPU, ${baseAfter.peakMb} MB`);

  for (const [name, run] of [
    ['check', check],
    ['rebuild', rebuild],
    ['rebuild of emptied tables', rebuildAll],
    ['check after the rebuild', checkAgain],
    ['baseline', baseBefore],
  ] as const)
    if (run.code !== 0)
      failures.push(
        `${name} exited ${run.code}: ${(run.stdout + run.stderr).trim().split('\n').slice(-5).join(' | ')}`,
      );

  const faster = baseBefore.seconds <= baseAfter.seconds ? baseBefore : baseAfter;
  const basePeak = Math.max(baseBefore.peakMb, baseAfter.peakMb);
  const label = `${interactions.toLocaleString('en')} interactions`;
  const baselineName =
    'reading every live interaction and every component row once (better-sqlite3, raw rows; the faster of two runs)';
  const common = { interactions, loadPerCore: load, database: from ?? 'generated' };
  for (const [name, run] of [
    ['praxis check', check],
    ['praxis rebuild, every row already right', rebuild],
    ['praxis rebuild, every derived row missing', rebuildAll],
  ] as const) {
    const details = {
      ...common,
      cpuSeconds: run.cpuSeconds,
      baselineCpuSeconds: faster.cpuSeconds,
      ...(name === 'praxis check'
        ? {
            afterRebuild: { seconds: checkAgain.seconds, cpuSeconds: checkAgain.cpuSeconds, peakMb: checkAgain.peakMb },
          }
        : {}),
    };
    emitRow({
      bench: 'check',
      name: `${name}, ${label}: wall time`,
      figure: run.seconds,
      unit: 's',
      target: '≤ 60 s at 1,000,000 (14)',
      pass: run.seconds <= 60,
      baseline: baselineName,
      baselineFigure: faster.seconds,
      ratio: ratioOf(run.seconds, faster.seconds),
      details,
    });
    emitRow({
      bench: 'check',
      name: `${name}, ${label}: peak RSS`,
      figure: run.peakMb,
      unit: 'MB',
      target: '≤ 500 MB (14)',
      pass: run.peakMb <= 500,
      baseline: 'the baseline read: peak RSS',
      baselineFigure: basePeak,
      ratio: ratioOf(run.peakMb, basePeak),
      details,
    });
  }
} finally {
  if (keep) progress(`kept the database: ${path.join(folder.dir, 'app', 'praxis.db')}`);
  else folder.remove();
}
if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAIL ${failure}\n`);
  process.exitCode = 1;
}
