/**
 * One line of a benchmark's output: a figure, the same-run baseline it is compared with, and the
 * target it is held to. Every bench prints these as JSON lines on standard output; `bench/run.ts`
 * gathers them into one table.
 */
export interface BenchRow {
  /** The bench script that measured it: `logging`, `scale`, `model`, `stats`. */
  bench: string;
  name: string;
  figure: number;
  unit: string;
  /** The target as the issue states it, in words; empty when there is none. */
  target: string;
  /** Whether the figure meets the target; null when there is no target. */
  pass: boolean | null;
  /** What was measured in the same run to compare against. */
  baseline: string | null;
  baselineFigure: number | null;
  /** figure / baselineFigure. */
  ratio: number | null;
  /** Anything else worth keeping: counts, other quantiles, the load while measuring. */
  details?: Record<string, unknown>;
}

export function emitRow(row: BenchRow): void {
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

/** Progress for the person watching; standard error, so it never mixes with the JSON lines. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

export const ratioOf = (figure: number, baseline: number): number => Math.round((figure / baseline) * 1000) / 1000;
