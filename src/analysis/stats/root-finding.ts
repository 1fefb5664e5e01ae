/**
 * Brent's root finder (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4; the
 * netlib zeroin) following R's uniroot() step for step, so that estimates R defines as a root found
 * to a tolerance (e.g. the Hodges–Lehmann estimate under the normal approximation) come out the same.
 */
export interface RootOptions {
  /** R's uniroot default is .Machine$double.eps^0.25. */
  tolerance?: number;
  maxIterations?: number;
  /** f(lower) and f(upper) when the caller already has them (R's f.lower, f.upper). */
  fLower?: number;
  fUpper?: number;
}

export function findRoot(f: (x: number) => number, lower: number, upper: number, options: RootOptions = {}): number {
  const tol = options.tolerance ?? Number.EPSILON ** 0.25;
  let a = lower;
  let b = upper;
  let fa = options.fLower ?? f(a);
  let fb = options.fUpper ?? f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let iterations = (options.maxIterations ?? 1000) + 1;
  while (iterations-- > 0) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b the best approximation so far.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(previousStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation may be tried: secant with two distinct points, inverse quadratic with three.
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((previousStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
