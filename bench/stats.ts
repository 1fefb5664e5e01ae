/**
 * Benchmark of the REML random-intercept mixed model against lme4 in the same run:
 * 5,000 engagements × 10 waves, outcome ~ dose + wave + (1 | engagement).
 *
 *   npx tsx bench/stats.ts [--groups 5000] [--waves 10] [--repeats 7]
 *
 * Prints one JSON line per comparison: { name, ours_ms, r_ms, ratio } with ratio = ours / R (below 1
 * means faster), both the median of the repeated fits after warm-up (three fits here, one in R); the
 * first (cold) fit of each is reported too. Without Rscript, r_ms and ratio are null. Times are never asserted in tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fitRandomInterceptModel, type RandomInterceptModelResult } from '../src/analysis/stats/linear-mixed-model.ts';
import { createRandom } from '../src/demo/random.ts';

export interface BenchLine {
  name: string;
  ours_ms: number;
  r_ms: number | null;
  ratio: number | null;
  [detail: string]: unknown;
}

interface Panel {
  engagement: string[];
  dose: number[];
  wave: number[];
  outcome: number[];
}

/** A reproducible panel: engagement intercepts N(0, 1), residuals N(0, 1.2²), dose in [0, 10] hours. */
export function generatePanel(groups: number, waves: number, seed = 20231179): Panel {
  const random = createRandom(seed);
  const uniform = (): number => random.next();
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const panel: Panel = { engagement: [], dose: [], wave: [], outcome: [] };
  for (let g = 0; g < groups; g++) {
    const intercept = normal();
    for (let w = 1; w <= waves; w++) {
      // Rounded so the CSV that R reads holds exactly the same numbers.
      const dose = Math.round(uniform() * 1000) / 100;
      panel.engagement.push(`E${String(g + 1).padStart(5, '0')}`);
      panel.dose.push(dose);
      panel.wave.push(w);
      panel.outcome.push(Math.round((1 + 0.3 * dose + 0.1 * w + intercept + 1.2 * normal()) * 1000) / 1000);
    }
  }
  return panel;
}

function fitOurs(panel: Panel): RandomInterceptModelResult {
  return fitRandomInterceptModel({
    outcome: panel.outcome,
    predictors: [
      { name: 'dose', values: panel.dose },
      { name: 'wave', values: panel.wave },
    ],
    group: panel.engagement,
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
};

function hasRscript(): boolean {
  return spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface LmeReport {
  seconds: number[];
  estimate: number[];
  se: number[];
  group_variance: number;
  residual_variance: number;
  log_likelihood: number;
}

export function benchStats(options: { groups?: number; waves?: number; repeats?: number } = {}): BenchLine[] {
  const groups = options.groups ?? 5000;
  const waves = options.waves ?? 10;
  const repeats = options.repeats ?? 7;
  const panel = generatePanel(groups, waves);

  let started = performance.now();
  let ours = fitOurs(panel);
  const oursCold = performance.now() - started;
  // Two more untimed fits: V8 optimises the hot loops only after they have run a few times.
  fitOurs(panel);
  fitOurs(panel);
  const oursTimes: number[] = [];
  for (let k = 0; k < repeats; k++) {
    started = performance.now();
    ours = fitOurs(panel);
    oursTimes.push(performance.now() - started);
  }

  let lme: LmeReport | null = null;
  if (hasRscript()) {
    const dir = mkdtempSync(path.join(tmpdir(), 'praxis-bench-stats-'));
    try {
      const file = path.join(dir, 'panel.csv');
      const lines = ['engagement,dose,wave,outcome'];
      for (let i = 0; i < panel.outcome.length; i++)
        lines.push(`${panel.engagement[i]},${panel.dose[i]},${panel.wave[i]},${panel.outcome[i]}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lmm.R');
      // One extra fit in R too, so both sides report a warm median and a cold first fit.
      const text = execFileSync('Rscript', [script, file, String(repeats + 1)], { encoding: 'utf8' });
      lme = JSON.parse(text) as LmeReport;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const oursMs = median(oursTimes);
  const rMs = lme ? median(lme.seconds.slice(1)) * 1000 : null;
  const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
  const agreement = lme
    ? Math.max(
        ...ours.fixedEffects.map((f, k) => relative(f.estimate, lme.estimate[k] as number)),
        ...ours.fixedEffects.map((f, k) => relative(f.se, lme.se[k] as number)),
        relative(ours.variance.group, lme.group_variance),
        relative(ours.variance.residual, lme.residual_variance),
        relative(ours.logLikelihood, lme.log_likelihood),
      )
    : null;
  return [
    {
      name: `lmm-random-intercept-reml-${groups}x${waves}`,
      ours_ms: round(oursMs),
      r_ms: rMs === null ? null : round(rMs),
      ratio: rMs === null ? null : round(oursMs / rMs, 4),
      ours_cold_ms: round(oursCold),
      r_cold_ms: lme ? round((lme.seconds[0] as number) * 1000) : null,
      max_relative_difference_vs_lme4: agreement,
    },
  ];
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): number | undefined => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : undefined;
  };
  for (const line of benchStats({ groups: arg('groups'), waves: arg('waves'), repeats: arg('repeats') }))
    console.log(JSON.stringify(line));
}
