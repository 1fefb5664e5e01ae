/**
 * `praxis backup` of the SQLite database while the server logs interactions, against the same backup
 * with the server idle, in the same run.
 *
 *   npx tsx bench/backup.ts [--quick] [--interactions N] [--repeats R] [--connections 20]
 *
 * Setup: a fresh database with one organization, 100 engagements and N synthetic interactions (the
 * scale bench's loader), and the real application in this process on a random port, as in
 * bench/logging.ts.
 *
 * Each backup runs in a process of its own, as `praxis backup` does (its own connection with the
 * application's settings, then `backupSqlite`), and reports the time of the backup itself. Baseline:
 * R backups with the server idle, after one uncounted backup that brings the file into the page cache. Measured: R backups while autocannon keeps `connections` clients
 * POSTing typical interactions (3 components, 5 activities) to the application, which commits
 * throughout. Target: the median under load at most 2 × the idle median. Every backup must finish
 * (before the fix, one under steady logging finished only once the logging stopped); the last copy
 * must pass SQLite's integrity_check; any non-2xx response or socket error fails the bench (exit 1).
 */
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { createRandom } from '../src/demo/random.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { openBenchStore, startBenchApp, temporaryFolder } from './support/app.ts';
import { addDays, daysBetween, typicalInteraction } from './support/interactions.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { round, summarize } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const totalInteractions = argument('interactions') ?? (quick ? 20_000 : 200_000);
const repeats = argument('repeats') ?? (quick ? 3 : 5);
const connections = argument('connections') ?? 20;
/** Logging runs this long before the first backup under load, so that the server is at its steady rate. */
const warmupSeconds = quick ? 1 : 3;
const targetRatio = 2;
const seed = 20231179;
const today = new Date().toISOString().slice(0, 10);
const backupOnce = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'backup-once.ts');

/** One backup in a process of its own; resolves with the time of the backup itself, in ms. */
function timedBackup(dataDir: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', backupOnce, dataDir, target], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the backup process exited with ${code}: ${output}`));
      resolve((JSON.parse(output.trim().split('\n').at(-1)!) as { ms: number }).ms);
    });
  });
}

/** `repeats` backups one after another, each copy removed after it is made except the last. */
async function backups(label: string, dataDir: string, folder: string): Promise<{ ms: number[]; last: string }> {
  const ms: number[] = [];
  let last = '';
  for (let n = 1; n <= repeats; n += 1) {
    if (last) rmSync(last, { force: true });
    last = path.join(folder, `${label}-${n}.db`);
    ms.push(round(await timedBackup(dataDir, last), 1));
    progress(`${label}: backup ${n}/${repeats} in ${ms.at(-1)} ms`);
  }
  return { ms, last };
}

const failures: string[] = [];
const folder = temporaryFolder('backup');
try {
  const dataDir = path.join(folder.dir, 'app');
  const random = createRandom(seed);
  const { store, organizationId, token, actor } = await openBenchStore(dataDir);
  progress(`setup: 100 engagements and ${totalInteractions.toLocaleString('en')} interactions`);
  const engagements = await createEngagements(store, organizationId, actor, random, eisToc, 100, today);
  const plan = spreadInteractions(random, engagements, totalInteractions);
  const file = sqliteFileIn(dataDir);
  const loader = openSqlite(file);
  loadInteractions(loader, organizationId, actor, random, eisToc, plan, () => undefined);
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  const databaseMb = round(statSync(file).size / 2 ** 20, 1);
  progress(`setup: database ${databaseMb} MB`);

  const server = await startBenchApp(store, dataDir);
  try {
    // One backup first, not counted, so that every timed one reads the file from the page cache.
    const warmup = path.join(folder.dir, 'warm-up.db');
    progress(`warm-up: backup in ${round(await timedBackup(dataDir, warmup), 1)} ms (not counted)`);
    rmSync(warmup, { force: true });
    const idle = await backups('idle', dataDir, folder.dir);
    rmSync(idle.last, { force: true });

    // The longest engagement takes the logging: its dates cycle over its span.
    const target = plan.reduce((a, b) =>
      daysBetween(a.engagement.startDate, a.lastDate) >= daysBetween(b.engagement.startDate, b.lastDate) ? a : b,
    );
    const span = Math.max(1, daysBetween(target.engagement.startDate, target.lastDate));
    let sent = 0;
    const run = autocannon({
      url: server.baseUrl,
      connections,
      duration: 24 * 3600,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: `/api/orgs/${organizationId}/interactions`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest: (request) => {
            const date = addDays(target.engagement.startDate, sent % span);
            sent += 1;
            return { ...request, body: JSON.stringify(typicalInteraction(target.engagement.id, date)) };
          },
        },
      ],
    });
    progress(`loaded: ${connections} clients logging; ${warmupSeconds} s before the first backup`);
    await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
    const loadedStart = performance.now();
    const before = sent;
    const loaded = await backups('loaded', dataDir, folder.dir);
    const sentDuringBackups = sent - before;
    const loadedSeconds = (performance.now() - loadedStart) / 1000;
    const perCore = loadPerCore(readMachine());
    run.stop();
    const result = await run;
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
      failures.push(
        `logging: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
      );
    progress(
      `loaded: ${result['2xx']} interactions logged in all, ${sentDuringBackups} while the backups ran (${Math.round(sentDuringBackups / loadedSeconds)}/s)`,
    );

    const copy = new SqliteDatabase(loaded.last, { readonly: true });
    const integrity = copy.pragma('integrity_check', { simple: true });
    copy.close();
    if (integrity !== 'ok') failures.push(`the last copy under load fails integrity_check: ${String(integrity)}`);

    const idleMedian = summarize(idle.ms).p50;
    const loadedMedian = summarize(loaded.ms).p50;
    const ratio = ratioOf(loadedMedian, idleMedian);
    emitRow({
      bench: 'backup',
      name: `praxis backup while ${connections} clients log (${totalInteractions.toLocaleString('en')} interactions, ${databaseMb} MB), median of ${repeats}`,
      figure: loadedMedian,
      unit: 'ms',
      target: `≤ ${targetRatio} × the idle backup`,
      pass: ratio <= targetRatio,
      baseline: `the same backup, server idle, median of ${repeats}`,
      baselineFigure: idleMedian,
      ratio,
      details: {
        idleMs: idle.ms,
        loadedMs: loaded.ms,
        databaseMb,
        loggedWhileBackingUp: sentDuringBackups,
        loggedPerSecondWhileBackingUp: Math.round(sentDuringBackups / loadedSeconds),
        integrity,
        loadPerCore: perCore,
      },
    });
  } finally {
    await server.close();
    await store.close();
  }
} finally {
  folder.remove();
}
if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAILED: ${failure}\n`);
  process.exitCode = 1;
}
