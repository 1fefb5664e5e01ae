/**
 * The continuous distributions the tests need, from @stdlib (checked against R's pnorm, pt, pchisq,
 * qt, qnorm, pf and qf). Upper tails are computed directly, never as 1 − cdf, so tiny p-values keep their
 * precision.
 */
import betaIncomplete from '@stdlib/math-base-special-betainc';
import gammaIncomplete from '@stdlib/math-base-special-gammainc';
import fQuantileBase from '@stdlib/stats-base-dists-f-quantile';
import normalCdfBase from '@stdlib/stats-base-dists-normal-cdf';
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

/**
 * The standard normal quantile by Wichura's AS 241 (PPND16; Applied Statistics 37:477, 1988), as
 * R's qnorm(p, lower.tail) computes it. Bit-for-bit agreement matters here: R defines some
 * estimates as uniroot() solutions whose iterates depend on the last bit of a normal quantile.
 */
/* eslint-disable no-loss-of-precision -- AS 241's coefficients as published (and as in R); each parses to the intended double. */
export function normalQuantile(p: number, lowerTail = true): number {
  if (p <= 0) return lowerTail ? -Infinity : Infinity;
  if (p >= 1) return lowerTail ? Infinity : -Infinity;
  const lower = lowerTail ? p : 0.5 - p + 0.5;
  const q = lower - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  // The smaller tail probability, taken from the argument itself when it is that tail.
  const tail = q > 0 ? (lowerTail ? 0.5 - p + 0.5 : p) : lowerTail ? p : 0.5 - p + 0.5;
  let r = Math.sqrt(-Math.log(tail));
  let value: number;
  if (r <= 5) {
    r += -1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r += -5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}
/* eslint-enable no-loss-of-precision */

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

/**
 * P(F > f) for Fisher's F with (df1, df2) degrees of freedom (R: pf(f, df1, df2, lower.tail = FALSE)),
 * as the upper regularized incomplete beta I_{1−x}(df2/2, df1/2) with x = df1·f/(df1·f + df2).
 */
export function fUpper(f: number, df1: number, df2: number): number {
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return betaIncomplete((df1 * f) / (df1 * f + df2), df1 / 2, df2 / 2, true, true);
}

/** The F quantile (R: qf(p, df1, df2)); df may be fractional. */
export function fQuantile(p: number, df1: number, df2: number): number {
  return fQuantileBase(p, df1, df2);
}
