import type { BenchRow } from './report.ts';

/** One row of the summary table, as text, with the verdict kept for counting. */
export interface SummaryRow {
  bench: string;
  name: string;
  figure: string;
  target: string;
  baseline: string;
  ratio: string;
  result: string;
  pass: boolean | null;
}

const number = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toLocaleString('en', { maximumFractionDigits: 0 });
  return value.toLocaleString('en', { maximumSignificantDigits: 3 });
};
const verdict = (pass: boolean | null): string => (pass === null ? '—' : pass ? 'PASS' : 'FAIL');
const ratioText = (ratio: number | null | undefined): string => (typeof ratio === 'number' ? `${number(ratio)}×` : '');

/** Targets of the benches that print their own line formats (`bench/model.ts`, `bench/stats.ts`), as the issues state them. */
const modelTargets: { prefix: string; limitMs: number; issue: number }[] = [
  { prefix: 'validateModel(', limitMs: 5, issue: 3 },
  { prefix: 'renderModelDiagram(', limitMs: 500, issue: 3 },
];

function isBenchRow(line: unknown): line is BenchRow {
  return typeof line === 'object' && line !== null && 'figure' in line && 'target' in line && 'unit' in line;
}

/** Turns one JSON line of any bench into a row of the summary. */
export function summaryRow(bench: string, line: unknown): SummaryRow {
  if (isBenchRow(line)) {
    return {
      bench,
      name: line.name,
      figure: `${number(line.figure)} ${line.unit}`,
      target: line.target,
      baseline:
        line.baseline === null
          ? ''
          : `${line.baseline}: ${line.baselineFigure === null ? '—' : number(line.baselineFigure)}`,
      ratio: ratioText(line.ratio),
      result: verdict(line.pass),
      pass: line.pass,
    };
  }
  const fields = (typeof line === 'object' && line !== null ? line : {}) as Record<string, unknown>;
  const name = typeof fields.name === 'string' ? fields.name : '(unnamed)';
  // bench/model.ts: { name, median_ms, p95_ms, baseline_median_ms, ratio, runs, baseline }
  if (typeof fields.median_ms === 'number') {
    const target = modelTargets.find((t) => name.startsWith(t.prefix));
    const pass = target ? fields.median_ms <= target.limitMs : null;
    return {
      bench,
      name,
      figure: `${number(fields.median_ms)} ms median`,
      target: target ? `≤ ${target.limitMs} ms (issue ${target.issue})` : '',
      baseline: `${String(fields.baseline ?? '')}: ${typeof fields.baseline_median_ms === 'number' ? number(fields.baseline_median_ms) : '—'} ms`,
      ratio: ratioText(fields.ratio as number | null),
      result: verdict(pass),
      pass,
    };
  }
  // bench/stats.ts: { name, ours_ms, r_ms, ratio } with ratio = ours / lme4, null without Rscript.
  if (typeof fields.ours_ms === 'number') {
    const ratio = typeof fields.ratio === 'number' ? fields.ratio : null;
    const pass = ratio === null ? null : ratio <= 1;
    return {
      bench,
      name,
      figure: `${number(fields.ours_ms)} ms median`,
      target: 'no slower than lme4 (issue 6)',
      baseline:
        typeof fields.r_ms === 'number'
          ? `R lme4::lmer, same data: ${number(fields.r_ms)} ms`
          : 'R lme4 (Rscript not found: not compared)',
      ratio: ratioText(ratio),
      result: verdict(pass),
      pass,
    };
  }
  // Any other shape: its numbers, unjudged.
  const numbers = Object.entries(fields)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k} ${number(v as number)}`)
    .join(', ');
  return { bench, name, figure: numbers, target: '', baseline: '', ratio: '', result: verdict(null), pass: null };
}
