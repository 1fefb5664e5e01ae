import { AppError } from '../../domain/errors.ts';
import type { Evidence, HypothesisResult } from '../../domain/hypotheses/schemas.ts';
import {
  covariateLabels,
  testLabels,
  type HypothesisRegistration,
  type HypothesisTest,
} from '../../domain/hypotheses/registration.ts';
import {
  fitRandomInterceptModel,
  kruskalWallis,
  mannWhitney,
  olsClusterRobust,
  spearman,
  type Predictor,
} from '../stats/index.ts';
import type { EngagementRow, HypothesisDataset } from './dataset.ts';

/**
 * Runs a registered hypothesis on its data set with the statistics of `src/analysis/stats` and reads
 * the result against the registration: p (two-sided) against alpha, the observed direction against the
 * registered one, the effect with its interval, n and the method's assumptions and warnings.
 */

export const methodReferences: Record<HypothesisTest, string> = {
  spearman:
    'Spearman (1904); p by AS 89 (Best & Roberts 1975) or the t approximation, as R cor.test(method = "spearman"); Fisher-z interval with the Bonett & Wright (2000) variance',
  'ols-cr1':
    'Liang & Zeger (1986); CR1 small-sample factor as Stata, t on G − 1 df (Cameron & Miller 2015), as R lm + sandwich::vcovCL(type = "HC1")',
  'lmm-reml':
    'Bates, Mächler, Bolker & Walker (2015), as R lme4::lmer(REML = TRUE); Satterthwaite df as lmerTest (Kuznetsova, Brockhoff & Christensen 2017)',
  'mann-whitney':
    'Mann & Whitney (1947); Hodges–Lehmann shift with Bauer (1972) interval, as R wilcox.test(higher, lower, conf.int = TRUE)',
  'kruskal-wallis': 'Kruskal & Wallis (1952), tie corrected, as R kruskal.test',
};

const DOSE_TERM = 'dose';
const COVARIATE_TERMS = { 'baseline-score': 'baseline score', 'other-minutes': 'other minutes' } as const;

interface TestOutcome {
  method: string;
  n: number;
  clusters: number | null;
  statistic: HypothesisResult['statistic'];
  p: number | null;
  /** The estimate whose sign is the observed direction; null for tests without one. */
  estimate: number | null;
  effect: HypothesisResult['effect'];
  otherEffects: HypothesisResult['otherEffects'];
  coefficients: HypothesisResult['coefficients'];
  groups: HypothesisResult['groups'];
  assumptions: readonly string[];
  warnings: string[];
}

/** The dose bands of the group tests: below the first cutpoint, between cutpoints, at or above the last. */
export function doseGroups(
  rows: readonly EngagementRow[],
  cutpoints: readonly number[],
  unit: string,
): { label: string; values: number[] }[] {
  const bounds = [-Infinity, ...cutpoints, Infinity];
  return bounds.slice(0, -1).map((lower, i) => {
    const upper = bounds[i + 1]!;
    const label =
      lower === -Infinity
        ? `below ${upper} ${unit}`
        : upper === Infinity
          ? `${lower} ${unit} or more`
          : `${lower} to under ${upper} ${unit}`;
    return { label, values: rows.filter((r) => r.dose >= lower && r.dose < upper).map((r) => r.value) };
  });
}

function regressionPredictors(registration: HypothesisRegistration, dataset: HypothesisDataset): Predictor[] {
  return [
    { name: DOSE_TERM, values: dataset.units.map((u) => u.dose) },
    ...registration.covariates.map((c) => ({
      name: COVARIATE_TERMS[c],
      values: dataset.units.map((u) => (c === 'baseline-score' ? (u.baseline ?? 0) : u.otherMinutes)),
    })),
  ];
}

function runTest(registration: HypothesisRegistration, dataset: HypothesisDataset): TestOutcome {
  const confLevel = 1 - registration.alpha;
  const engagementRows = dataset.engagements;
  const unit = registration.predictor.measure;
  switch (registration.test) {
    case 'spearman': {
      const r = spearman(
        engagementRows.map((e) => e.dose),
        engagementRows.map((e) => e.value),
        { confLevel },
      );
      return {
        method: `${r.method} (${r.pBranch})`,
        n: r.n,
        clusters: null,
        statistic: { name: r.statisticName, value: r.statistic, df: null },
        p: r.p,
        estimate: r.estimate.value,
        effect: {
          name: 'Spearman ρ',
          value: r.estimate.value,
          ci: r.estimate.ci && { level: r.estimate.ci.level, lower: r.estimate.ci.lower, upper: r.estimate.ci.upper },
        },
        otherEffects: [],
        coefficients: [],
        groups: [],
        assumptions: r.assumptions,
        warnings: r.warnings,
      };
    }
    case 'ols-cr1': {
      const r = olsClusterRobust(
        {
          outcome: dataset.units.map((u) => u.value),
          predictors: regressionPredictors(registration, dataset),
          cluster: dataset.units.map((u) => u.engagementId),
        },
        { confLevel },
      );
      const dose = r.coefficients.find((c) => c.term === DOSE_TERM)!;
      return {
        method: r.method,
        n: r.n,
        clusters: r.clusters,
        statistic: { name: 't', value: dose.t, df: dose.df },
        p: dose.p,
        estimate: dose.estimate,
        effect: {
          name: `slope per ${unit === 'minutes' ? 'minute' : 'interaction'} of dose`,
          value: dose.estimate,
          ci: dose.ci,
        },
        otherEffects: [{ name: 'R²', value: r.rSquared }],
        coefficients: r.coefficients.map((c) => ({ term: c.term, estimate: c.estimate, se: c.se, p: c.p })),
        groups: [],
        assumptions: r.assumptions,
        warnings: r.warnings,
      };
    }
    case 'lmm-reml': {
      const r = fitRandomInterceptModel(
        {
          outcome: dataset.units.map((u) => u.value),
          predictors: regressionPredictors(registration, dataset),
          group: dataset.units.map((u) => u.engagementId),
        },
        { confLevel },
      );
      const dose = r.fixedEffects.find((c) => c.term === DOSE_TERM)!;
      return {
        method: r.method,
        n: r.n,
        clusters: r.groups,
        statistic: { name: 't', value: dose.t, df: dose.df },
        p: dose.p,
        estimate: dose.estimate,
        effect: {
          name: `slope per ${unit === 'minutes' ? 'minute' : 'interaction'} of dose`,
          value: dose.estimate,
          ci: dose.ci,
        },
        otherEffects: [
          { name: 'ICC (engagement)', value: r.icc },
          { name: 'SD of engagement intercepts', value: r.sd.group },
          { name: 'residual SD', value: r.sd.residual },
        ],
        coefficients: r.fixedEffects.map((c) => ({ term: c.term, estimate: c.estimate, se: c.se, p: c.p })),
        groups: [],
        assumptions: r.assumptions,
        warnings: [
          ...r.warnings,
          ...(dose.p === null ? ['the REML curvature gives no Satterthwaite df: no p-value for the dose'] : []),
        ],
      };
    }
    case 'mann-whitney': {
      const [lower, higher] = doseGroups(engagementRows, registration.predictor.cutpoints, unit) as [
        { label: string; values: number[] },
        { label: string; values: number[] },
      ];
      const r = mannWhitney(higher.values, lower.values, { confLevel });
      return {
        method: r.method,
        n: r.n,
        clusters: null,
        statistic: { name: r.statisticName, value: r.statistic, df: null },
        p: r.p,
        estimate: r.estimate.value,
        effect: {
          name: 'Hodges–Lehmann shift, higher minus lower dose',
          value: r.estimate.value,
          ci:
            r.estimate.ci.method === 'not available'
              ? null
              : { level: r.estimate.ci.level, lower: r.estimate.ci.lower, upper: r.estimate.ci.upper },
        },
        otherEffects: r.effectSizes.map((e) => ({ name: e.name, value: e.value })),
        coefficients: [],
        groups: [lower, higher].map((g) => ({ label: g.label, engagements: g.values.length })),
        assumptions: r.assumptions,
        warnings: r.warnings,
      };
    }
    case 'kruskal-wallis': {
      const groups = doseGroups(engagementRows, registration.predictor.cutpoints, unit);
      const r = kruskalWallis(groups.map((g) => g.values));
      const [first, ...rest] = r.effectSizes;
      return {
        method: r.method,
        n: r.n,
        clusters: null,
        statistic: { name: r.statisticName, value: r.statistic, df: r.df },
        p: r.p,
        estimate: null,
        effect: first ? { name: first.name, value: first.value, ci: null } : null,
        otherEffects: rest.map((e) => ({ name: e.name, value: e.value })),
        coefficients: [],
        groups: groups.map((g) => ({ label: g.label, engagements: g.values.length })),
        assumptions: r.assumptions,
        warnings: r.warnings,
      };
    }
  }
}

const observedDirection = (estimate: number | null): 'positive' | 'negative' | 'none' | null =>
  estimate === null ? null : estimate > 0 ? 'positive' : estimate < 0 ? 'negative' : 'none';

/** The verdict of one run: supported, contradicted (significant in the opposite direction) or inconclusive. */
export function verdictOf(
  registration: HypothesisRegistration,
  p: number | null,
  observed: 'positive' | 'negative' | 'none' | null,
): Evidence {
  if (p === null || p >= registration.alpha) return 'inconclusive';
  if (registration.direction === 'two-sided') return 'supported';
  if (observed === registration.direction) return 'supported';
  return observed === 'none' ? 'inconclusive' : 'contradicted';
}

const formatP = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** Runs the registered test; too little data gives an `insufficient-data` result saying why, never NaN. */
export function runHypothesis(registration: HypothesisRegistration, dataset: HypothesisDataset): HypothesisResult {
  const base = {
    reference: methodReferences[registration.test],
    engagements: dataset.engagements.length,
    alpha: registration.alpha,
    dataset: {
      engagementsConsidered: dataset.engagementsConsidered,
      engagementsUsed: dataset.engagements.length,
      units: dataset.units.length,
      excluded: dataset.excluded,
    },
  };
  const adjusted =
    registration.covariates.length > 0
      ? `, adjusted for ${registration.covariates.map((c) => covariateLabels[c]).join(' and ')}`
      : '';
  let outcome: TestOutcome;
  try {
    if (dataset.engagements.length === 0)
      throw new AppError(
        'validation_failed',
        'no engagement has the registered outcome measured in the registered window',
      );
    outcome = runTest(registration, dataset);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    const message = `Too little data for the registered test: ${error.message}.`;
    return {
      ...base,
      outcome: 'insufficient-data',
      verdict: 'untested',
      summary: `Not tested yet. ${message}`,
      message,
      method: testLabels[registration.test],
      n:
        registration.test === 'ols-cr1' || registration.test === 'lmm-reml'
          ? dataset.units.length
          : dataset.engagements.length,
      clusters: null,
      statistic: null,
      p: null,
      significant: null,
      direction: { registered: registration.direction, observed: null, matched: null },
      effect: null,
      otherEffects: [],
      coefficients: [],
      groups: [],
      assumptions: [],
      warnings: [],
    };
  }
  const observed = observedDirection(outcome.estimate);
  const verdict = verdictOf(registration, outcome.p, observed);
  const matched =
    registration.direction === 'two-sided' || observed === null ? null : observed === registration.direction;
  const pText =
    outcome.p === null
      ? 'no p-value'
      : `${formatP(outcome.p)}, ${outcome.p < registration.alpha ? 'below' : 'not below'} α = ${registration.alpha}`;
  const effectText = outcome.effect ? `${outcome.effect.name} ${outcome.effect.value.toPrecision(3)}` : '';
  const directionText =
    registration.direction === 'two-sided' ? 'a two-sided association' : `a ${registration.direction} association`;
  const summary = `${verdict === 'supported' ? 'Supported' : verdict === 'contradicted' ? 'Contradicted' : 'Inconclusive'}: registered ${directionText}${adjusted}; ${effectText ? `${effectText}, ` : ''}${pText} (n = ${outcome.n}${outcome.clusters !== null ? `, ${outcome.clusters} engagements` : ''}).`;
  return {
    ...base,
    outcome: 'completed',
    verdict,
    summary,
    message: null,
    method: outcome.method,
    n: outcome.n,
    clusters: outcome.clusters,
    statistic: outcome.statistic,
    p: outcome.p,
    significant: outcome.p === null ? null : outcome.p < registration.alpha,
    direction: { registered: registration.direction, observed, matched },
    effect: outcome.effect,
    otherEffects: outcome.otherEffects,
    coefficients: outcome.coefficients,
    groups: outcome.groups,
    assumptions: [...outcome.assumptions],
    warnings: outcome.warnings,
  };
}
