/**
 * Rater agreement on 10,000 rating pairs: the compiled `praxis stats kappa|icc` against R's psych on
 * the same file, in the same run.
 *
 *   npx tsx bench/agreement.ts [--pairs 10000] [--runs 5]
 *
 * Builds the server and CLI first (`npm run build:node`), writes one CSV of PAIRS targets rated 1–5 by
 * two raters (columns a and b), then times, from spawning the process to its end and alternating so
 * both see the same load, `praxis stats kappa --x a --y b` against
 * `Rscript -e 'psych::cohen.kappa(read.csv(FILE)[c("a", "b")])'` and `praxis stats icc --columns a,b`
 * against `psych::ICC(...)` with psych's defaults (lmer = TRUE: lme4 fits the crossed model). Both
 * sides start their runtime, read the file and print the result; R's loading of psych is part of its
 * time as the command's loading is part of ours. Prints one JSON line per figure
 * (bench/support/report.ts) with its ratio to R, and the largest relative difference of the results.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRandom } from '../src/demo/random.ts';
import { loadPerCore } from './support/machine.ts';
import { quantile } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const pairs = arg('pairs', 10_000);
const runs = arg('runs', 5);
const root = path.resolve(import.meta.dirname, '..');
const praxisBin = path.join(root, 'bin/praxis.js');
const dir = mkdtempSync(path.join(tmpdir(), 'praxis-bench-agreement-'));

/** Two raters who mostly agree: a latent 1–5 level, each rater off by one now and then. */
function ratingsFile(): string {
  const random = createRandom(20261207);
  const clamp = (v: number): number => Math.min(5, Math.max(1, v));
  const lines = ['target,a,b'];
  for (let i = 0; i < pairs; i++) {
    const level = 1 + Math.floor(random.next() * 5);
    const noise = (): number => {
      const u = random.next();
      return u < 0.15 ? -1 : u > 0.85 ? 1 : 0;
    };
    lines.push(`t${i + 1},${clamp(level + noise())},${clamp(level + noise())}`);
  }
  const file = path.join(dir, 'ratings.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Runs a command to its end; returns its seconds and standard output. A failure ends the bench. */
function timed(command: string, args: string[]): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (code === 0) resolve({ seconds, stdout });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

const median = (samples: number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

interface Comparison {
  name: string;
  ours: string[];
  r: string;
  /** Pairs of the same figure from our JSON and R's JSON, to report how closely they agree. */
  figures: (ours: Record<string, unknown>, r: Record<string, number>) => [number, number][];
}

try {
  if (
    spawnSync('Rscript', ['-e', 'library(psych); library(lme4); library(jsonlite)'], { stdio: 'ignore' }).status !== 0
  )
    throw new Error('Rscript with psych, lme4 and jsonlite is needed: the bench compares with R in the same run');
  progress('building the server and CLI (npm run build:node)');
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build:node exited with ${build.status}`);
  const file = ratingsFile();
  const read = `suppressPackageStartupMessages(library(psych)); x <- read.csv(${JSON.stringify(file)})[c("a", "b")]`;
  const comparisons: Comparison[] = [
    {
      name: `praxis stats kappa, ${pairs.toLocaleString('en')} pairs`,
      ours: [praxisBin, 'stats', 'kappa', '--data', file, '--x', 'a', '--y', 'b', '--json'],
      r: `${read}; k <- cohen.kappa(x); cat(jsonlite::toJSON(list(kappa = k$kappa, weighted = k$weighted.kappa, lower = k$confid[1, 1]), digits = NA, auto_unbox = TRUE))`,
      figures: (ours, r) => {
        const kappa = ours.kappa as { value: number; ci: { lower: number } };
        return [
          [kappa.value, r.kappa!],
          [(ours.weightedKappa as { value: number }).value, r.weighted!],
          [kappa.ci.lower, r.lower!],
        ];
      },
    },
    {
      name: `praxis stats icc, ${pairs.toLocaleString('en')} targets × 2 raters`,
      ours: [praxisBin, 'stats', 'icc', '--data', file, '--columns', 'a,b', '--json'],
      r: `${read}; i <- suppressMessages(ICC(x))$results; cat(jsonlite::toJSON(list(icc2 = i$ICC[2], icc3 = i$ICC[3], lower2 = i[2, 7], upper3 = i[3, 8]), digits = NA, auto_unbox = TRUE))`,
      figures: (ours, r) => {
        const rows = ours.icc as { value: number; lower: number; upper: number }[];
        return [
          [rows[1]!.value, r.icc2!],
          [rows[2]!.value, r.icc3!],
          [rows[1]!.lower, r.lower2!],
          [rows[2]!.upper, r.upper3!],
        ];
      },
    },
  ];
  for (const comparison of comparisons) {
    const once = () => timed(process.execPath, comparison.ours);
    const inR = () => timed('Rscript', ['-e', comparison.r]);
    // Warm-ups (the file system cache), then alternate so both see the same load.
    const first = await once();
    const firstR = await inR();
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let k = 0; k < runs; k++) {
      theirs.push((await inR()).seconds);
      ours.push((await once()).seconds);
    }
    const oursS = median(ours);
    const rS = median(theirs);
    const agreement = Math.max(
      ...comparison
        .figures(
          JSON.parse(first.stdout) as Record<string, unknown>,
          JSON.parse(firstR.stdout) as Record<string, number>,
        )
        .map(([a, b]) => relative(a, b)),
    );
    progress(
      `${comparison.name}: median ${(oursS * 1000).toFixed(0)} ms, R psych ${(rS * 1000).toFixed(0)} ms, over ${runs} runs each`,
    );
    emitRow({
      bench: 'agreement',
      name: comparison.name,
      figure: Math.round(oursS * 1000) / 1000,
      unit: 's median',
      target: 'no slower than R psych on the same data (issue 13)',
      pass: oursS <= rS,
      baseline: 'Rscript psych (defaults), same file, s median',
      baselineFigure: Math.round(rS * 1000) / 1000,
      ratio: ratioOf(oursS, rS),
      details: {
        runs,
        maxRelativeDifferenceVsR: agreement,
        minSeconds: Math.min(...ours),
        rMinSeconds: Math.min(...theirs),
        loadPerCore: loadPerCore(),
      },
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
