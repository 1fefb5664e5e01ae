/**
 * How fast the `praxis` command starts, as users run it: bin/praxis.js over the build in dist/node.
 *
 *   npx tsx bench/startup.ts [--runs 10]
 *
 * Builds the server and CLI first (`npm run build:node`) so the figures describe the current sources,
 * then times, each as the median of RUNS runs from spawning the process to its end, alternating with
 * as many runs of the baseline, `node -e 0` (Node itself starting and stopping), so both see the same load:
 * - `praxis --version`;
 * - `praxis stats mann-whitney` on a 10-row CSV file;
 * - `praxis serve` on an existing, migrated SQLite database, from spawning to the first 200 of `/readyz`.
 * Prints one JSON line per figure (bench/support/report.ts) with its ratio to the baseline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPerCore } from './support/machine.ts';
import { quantile } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 10;
const root = path.resolve(import.meta.dirname, '..');
const praxisBin = path.join(root, 'bin/praxis.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-bench-startup-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' };

/** Seconds since `start` (from process.hrtime.bigint()). */
const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** Runs a command to its end and returns the seconds it took; a failure ends the bench. */
function timeCommand(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = secondsSince(start);
      if (code === 0) resolve(seconds);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/** Starts `praxis serve` and returns the seconds until `/readyz` first answers 200, then stops it. */
function timeServerStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [praxisBin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ready: number | null = null;
    const onData = async (d: Buffer) => {
      const had = /running at (http:\/\/[^\s/]+)/.test(output);
      output += d;
      const match = /running at (http:\/\/[^\s/]+)/.exec(output);
      if (!match || had) return;
      try {
        // The URL is printed once the server listens; poll in case readiness follows it.
        for (;;) {
          const response = await fetch(`${match[1]}/readyz`);
          if (response.status === 200) break;
          await new Promise((r) => setTimeout(r, 5));
        }
        ready = secondsSince(start);
      } catch (error) {
        reject(error);
      }
      child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (ready === null) reject(new Error(`praxis serve exited with ${code} before it was ready: ${output}`));
      else resolve(ready);
    });
  });
}

const medianOf = (samples: number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );

/**
 * Times `once` and the baseline alternately, RUNS times each after one warm-up of each, so that both
 * see the same load on a shared machine; returns both sets of seconds.
 */
async function alternating(what: string, once: () => Promise<number>) {
  const baseline = () => timeCommand(['-e', '0']);
  await baseline(); // warm-ups: the file system cache, not the figure
  await once();
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselineSamples.push(await baseline());
    samples.push(await once());
  }
  progress(
    `${what}: median ${(medianOf(samples) * 1000).toFixed(0)} ms, node -e 0 ${(medianOf(baselineSamples) * 1000).toFixed(0)} ms, over ${runs} runs each`,
  );
  return { samples, baselineSamples };
}

try {
  progress('building the server and CLI (npm run build:node)');
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build:node exited with ${build.status}`);

  const csv = path.join(dataDir, 'scores.csv');
  writeFileSync(csv, 'group,score\na,1\nb,4\na,2\nb,5\na,3\nb,6\na,4\nb,7\na,5\nb,8\n');
  await timeCommand([praxisBin, 'migrate']);

  const figures: { name: string; limit: number; once: () => Promise<number> }[] = [
    { name: 'praxis --version', limit: 0.3, once: () => timeCommand([praxisBin, '--version']) },
    {
      name: 'praxis stats mann-whitney, 10-row file',
      limit: 0.6,
      once: () =>
        timeCommand([praxisBin, 'stats', 'mann-whitney', '--data', csv, '--group', 'group', '--value', 'score']),
    },
    { name: 'praxis serve to /readyz 200, migrated SQLite', limit: 1.5, once: timeServerStart },
  ];
  for (const figure of figures) {
    const { samples, baselineSamples } = await alternating(figure.name, figure.once);
    const median = medianOf(samples);
    const baseline = medianOf(baselineSamples);
    emitRow({
      bench: 'startup',
      name: figure.name,
      figure: Math.round(median * 1000) / 1000,
      unit: 's median',
      target: `≤ ${figure.limit} s`,
      pass: median <= figure.limit,
      baseline: 'node -e 0, s median',
      baselineFigure: Math.round(baseline * 1000) / 1000,
      ratio: ratioOf(median, baseline),
      details: {
        runs,
        minSeconds: Math.min(...samples),
        maxSeconds: Math.max(...samples),
        loadPerCore: loadPerCore(),
      },
    });
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
