/**
 * The continuous distributions the tests need, from @stdlib (checked against R's pnorm, pt, pchisq,
 * qt and qnorm). Upper tails are computed directly, never as 1 − cdf, so tiny p-values keep their
 * precision.
 */
import gammaIncomplete from '@stdlib/math-base-special-gammainc';
import normalCdfBase from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileBase from '@stdlib/stats-base-dists-normal-quantile';
import tCdfBase from '@stdlib/stats-base-dists-t-cdf';
import tQuantileBase from '@stdlib/stats-base-dists-t-quantile';

/** P(Z ≤ z) for a standard normal Z (R: pnorm(z)). */
export function normalCdf(z: number): number {
  return normalCdfBase(z, 0, 1);
}

/** P(Z > z) for a standard normal Z (R: pnorm(z, lower.tail = FALSE)). */
export function normalUpper(z: number): number {
  return normalCdfBase(-z, 0, 1);
}

/** The standard normal quantile (R: qnorm(p)). */
export function normalQuantile(p: number): number {
  return normalQuantileBase(p, 0, 1);
}

/** P(T ≤ t) for Student's t with df degrees of freedom (R: pt(t, df)). */
export function tCdf(t: number, df: number): number {
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return tCdfBase(t, df);
}

/** P(T > t) (R: pt(t, df, lower.tail = FALSE)); the t distribution is symmetric. */
export function tUpper(t: number, df: number): number {
  return tCdf(-t, df);
}

/** Two-sided p-value of a t statistic: 2·P(T > |t|). */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tUpper(Math.abs(t), df));
}

/** Student's t quantile (R: qt(p, df)). */
export function tQuantile(p: number, df: number): number {
  return tQuantileBase(p, df);
}

/** P(X > x) for chi-square X with df degrees of freedom (R: pchisq(x, df, lower.tail = FALSE)). */
export function chiSquareUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  // The chi-square upper tail is the regularized upper incomplete gamma Q(df/2, x/2).
  return gammaIncomplete(x / 2, df / 2, true, true);
}
