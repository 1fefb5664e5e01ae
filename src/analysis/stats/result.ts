/** Shapes shared by every statistical result, so the API, the UI and the CLI read them the same way. */

/** The alternative hypothesis, spelled as R spells it so results can be checked against R. */
export type Alternative = 'two.sided' | 'less' | 'greater';

/**
 * When no interval can be computed (e.g. every difference tied) the result says so rather than
 * carrying NaN: level 0, lower = upper = the estimate, method "not available", and a warning.
 */
export interface ConfidenceInterval {
  /** The confidence level actually achieved (exact intervals may not reach the requested one). */
  level: number;
  /** -Infinity for a one-sided "less" interval. */
  lower: number;
  /** +Infinity for a one-sided "greater" interval. */
  upper: number;
  /** How the interval was computed, e.g. "exact (Bauer 1972)" or "normal approximation". */
  method: string;
}

/** An effect size with its name, so a reader never has to guess which one is meant. */
export interface EffectSize {
  name: string;
  value: number;
  /** Present only where a standard interval exists for this effect size. */
  ci?: ConfidenceInterval;
}
