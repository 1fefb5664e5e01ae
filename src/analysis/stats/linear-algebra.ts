/**
 * Dense linear algebra for the small symmetric positive-definite systems of regression (p × p,
 * row-major Float64Array). Cholesky (Golub & Van Loan, Matrix Computations, §4.2) is enough here.
 */

/** Lower-triangular L with LLᵀ = a, or the index of the first pivot that is not clearly positive. */
export function cholesky(a: Float64Array, p: number): { factor: Float64Array } | { failedAt: number } {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (l[j * p + k] as number) ** 2;
    // Relative to the original diagonal, so the test does not depend on the units of the column.
    if (!(diagonal > 1e-10 * Math.abs(a[j * p + j] as number)) || !(diagonal > 0)) return { failedAt: j };
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = sum / root;
    }
  }
  return { factor: l };
}

/** Solves LLᵀx = b. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * p + k] as number) * (z[k] as number);
    z[i] = sum / (l[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = z[i] as number;
    for (let k = i + 1; k < p; k++) sum -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  return x;
}

/** (LLᵀ)⁻¹, column by column. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inverse = new Float64Array(p * p);
  const unit = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, p, unit);
    for (let i = 0; i < p; i++) inverse[i * p + j] = column[i] as number;
  }
  return inverse;
}

/** log|LLᵀ| = 2 Σ log L_ii. */
export function choleskyLogDeterminant(l: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i++) sum += Math.log(l[i * p + i] as number);
  return 2 * sum;
}

/** a · b for p × p matrices. */
export function multiply(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += (a[i * p + k] as number) * (b[k * p + j] as number);
      out[i * p + j] = sum;
    }
  return out;
}

/** a · b · aᵀ for p × p matrices (a covariance carried through a linear map). */
export function sandwich(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const ab = multiply(a, b, p);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += (ab[i * p + k] as number) * (a[j * p + k] as number);
      out[i * p + j] = sum;
    }
  return out;
}

/** Row-major p × p matrix as nested arrays, for results. */
export function toRows(m: Float64Array, p: number): number[][] {
  return Array.from({ length: p }, (_, i) => Array.from(m.subarray(i * p, i * p + p)));
}
