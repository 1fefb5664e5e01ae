import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { kruskalWallis } from './kruskal-wallis.ts';
import { fitRandomInterceptModel } from './linear-mixed-model.ts';
import { mannWhitney } from './mann-whitney.ts';
import { olsClusterRobust } from './ols-cluster-robust.ts';
import { adjustPValues } from './p-adjust.ts';
import { spearman } from './spearman.ts';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';

const sample = (min: number) => fc.array(fc.integer({ min: -20, max: 20 }), { minLength: min, maxLength: 30 });
const notAllEqual = (values: number[]) => values.some((v) => v !== values[0]);

describe('properties of the rank tests', () => {
  it('Mann–Whitney: swapping the groups mirrors W and keeps the two-sided p', () => {
    fc.assert(
      fc.property(sample(1), sample(1), (x, y) => {
        fc.pre(notAllEqual([...x, ...y]));
        const forward = mannWhitney(x, y);
        const backward = mannWhitney(y, x);
        expect(forward.statistic + backward.statistic).toBe(x.length * y.length);
        expect(forward.p).toBeCloseTo(backward.p, 12);
        expect(forward.p).toBeGreaterThan(0);
        expect(forward.p).toBeLessThanOrEqual(1);
        expect(forward.estimate.ci.lower).toBeLessThanOrEqual(forward.estimate.ci.upper);
      }),
    );
  });

  it('Kruskal–Wallis with two groups is invariant to their order and never NaN', () => {
    fc.assert(
      fc.property(sample(1), sample(1), (a, b) => {
        fc.pre(notAllEqual([...a, ...b]));
        const one = kruskalWallis([a, b]);
        const two = kruskalWallis([b, a]);
        expect(one.statistic).toBeCloseTo(two.statistic, 9);
        expect(Number.isFinite(one.p)).toBe(true);
      }),
    );
  });

  it('Wilcoxon signed-rank: swapping before and after mirrors V and keeps the two-sided p', () => {
    fc.assert(
      fc.property(sample(1), fc.integer({ min: 0, max: 1000 }), (before, seed) => {
        const after = before.map((v, i) => v + (((seed + i * 7) % 9) - 4));
        fc.pre(after.some((v, i) => v !== before[i]));
        const forward = wilcoxonSignedRank(before, after);
        const backward = wilcoxonSignedRank(after, before);
        expect(forward.statistic + backward.statistic).toBeCloseTo((forward.n * (forward.n + 1)) / 2, 9);
        expect(forward.p).toBeCloseTo(backward.p, 12);
      }),
    );
  });

  it('Spearman is symmetric in x and y and lies in [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 3,
          maxLength: 40,
        }),
        (pairs) => {
          const x = pairs.map(([a]) => a);
          const y = pairs.map(([, b]) => b);
          fc.pre(notAllEqual(x) && notAllEqual(y));
          const xy = spearman(x, y);
          const yx = spearman(y, x);
          expect(xy.estimate.value).toBeCloseTo(yx.estimate.value, 12);
          expect(Math.abs(xy.estimate.value)).toBeLessThanOrEqual(1);
          expect(xy.p).toBeGreaterThanOrEqual(0);
          expect(xy.p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('p-value adjustment never lowers a p-value, keeps the order, and Holm ≥ BH', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (p) => {
        const holm = adjustPValues(p, 'holm').adjusted;
        const bh = adjustPValues(p, 'bh').adjusted;
        p.forEach((value, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(value);
          expect(bh[i]).toBeGreaterThanOrEqual(value);
          expect(holm[i]).toBeGreaterThanOrEqual(bh[i] as number);
          expect(holm[i]).toBeLessThanOrEqual(1);
          p.forEach((other, j) => {
            if (value < other) expect(bh[i]).toBeLessThanOrEqual(bh[j] as number);
          });
        });
      }),
    );
  });
});

describe('regressions never return NaN: a finite result or a clear refusal', () => {
  const allFinite = (value: unknown): boolean =>
    typeof value === 'number'
      ? !Number.isNaN(value)
      : Array.isArray(value)
        ? value.every(allFinite)
        : value && typeof value === 'object'
          ? Object.values(value).every(allFinite)
          : true;
  const panel = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })),
    { minLength: 1, maxLength: 25 },
  );

  it('olsClusterRobust', () => {
    fc.assert(
      fc.property(panel, (rows) => {
        try {
          const result = olsClusterRobust({
            outcome: rows.map((r) => r[2]),
            predictors: [{ name: 'dose', values: rows.map((r) => r[1]) }],
            cluster: rows.map((r) => r[0]),
          });
          expect(allFinite(result)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
    );
  });

  it('fitRandomInterceptModel', () => {
    fc.assert(
      fc.property(panel, (rows) => {
        try {
          const result = fitRandomInterceptModel({
            outcome: rows.map((r) => r[2]),
            predictors: [{ name: 'dose', values: rows.map((r) => r[1]) }],
            group: rows.map((r) => r[0]),
          });
          expect(allFinite(result)).toBe(true);
          expect(result.variance.group).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
    );
  });
});
