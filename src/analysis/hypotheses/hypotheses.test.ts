import { describe, expect, it } from 'vitest';
import { HypothesisRegistration, type HypothesisRegistrationInput } from '../../domain/hypotheses/registration.ts';
import type { ComponentMonthDose } from '../../domain/support/rollups.ts';
import { fitRandomInterceptModel, kruskalWallis, mannWhitney, olsClusterRobust, spearman } from '../stats/index.ts';
import {
  buildHypothesisDataset,
  combineEvidence,
  linkEvidence,
  runHypothesis,
  type DatasetInput,
  type DatasetScore,
  type DatasetWave,
} from './index.ts';

const base: HypothesisRegistrationInput = {
  title: 'Coaching builds self-efficacy',
  statement: 'Coaching minutes in months 1–6 predict the change in self-efficacy at month 6.',
  model: { id: 'eis-toc', version: '1.0.0' },
  linkId: 'coaching-via-self-efficacy-to-implementation-self-efficacy',
  predictor: { components: ['coaching'], months: { from: 1, to: 6 } },
  outcome: { outcomeId: 'implementation-self-efficacy', level: 'individual', measure: 'change', atMonth: 6 },
  direction: 'positive',
  test: 'spearman',
};
const register = (overrides: Partial<HypothesisRegistrationInput> = {}) =>
  HypothesisRegistration.parse({ ...base, ...overrides });

// Ten engagements started on 2026-01-01. Engagement k (1..10) gets 30·k coaching minutes spread over
// months 2 and 5, 15 teaching minutes in month 3 and 40 coaching minutes in month 7 (outside the window).
// Three respondents answer at baseline (month 1) and at month 6; their change grows with k, with noise.
const ids = Array.from({ length: 10 }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
const noise = [0.3, -0.2, 0.1, -0.4, 0.25, 0, -0.15, 0.35, -0.05, 0.2];
const month = (
  engagementId: string,
  relationshipMonth: number,
  componentId: string,
  minutes: number,
): ComponentMonthDose => ({
  engagementId,
  calendarMonth: `2026-${String(relationshipMonth).padStart(2, '0')}`,
  relationshipMonth,
  componentId,
  interactions: 1,
  minutes,
  activityUses: 1,
});
const componentMonths = ids.flatMap((id, i) => [
  month(id, 2, 'coaching', 10 * (i + 1)),
  month(id, 5, 'coaching', 20 * (i + 1)),
  month(id, 3, 'teaching', 15),
  month(id, 7, 'coaching', 40),
]);
const waves: DatasetWave[] = ids.flatMap((id) => [
  { id: `${id}-base`, engagementId: id, name: 'Baseline', kind: 'baseline' as const, date: '2026-01-05' },
  { id: `${id}-m6`, engagementId: id, name: 'Month 6', kind: 'follow-up' as const, date: '2026-06-20' },
  { id: `${id}-m12`, engagementId: id, name: 'Month 12', kind: 'follow-up' as const, date: '2026-12-10' },
]);
const score = (
  waveId: string,
  unitId: string | null,
  value: number | null,
  overrides: Partial<DatasetScore> = {},
): DatasetScore => ({
  waveId,
  outcomeId: 'implementation-self-efficacy',
  level: 'individual',
  unitId,
  value,
  ...overrides,
});
const baselineOf = (i: number, r: number) => 2 + 0.25 * r + 0.1 * (i % 3);
const changeOf = (i: number, r: number) => 0.05 * (i + 1) + noise[(i + r) % 10]!;
const scores: DatasetScore[] = ids.flatMap((id, i) =>
  [0, 1, 2].flatMap((r) => [
    score(`${id}-base`, `${id}-p${r}`, baselineOf(i, r)),
    score(`${id}-m6`, `${id}-p${r}`, baselineOf(i, r) + changeOf(i, r)),
  ]),
);
const engagements = ids.map((id) => ({ id, startDate: '2026-01-01' }));
const input: DatasetInput = {
  engagements: [
    ...engagements,
    { id: 'e-no-wave', startDate: '2026-01-01' },
    { id: 'e-no-baseline', startDate: '2026-01-01' },
  ],
  componentMonths,
  waves: [
    ...waves,
    { id: 'nb-m6', engagementId: 'e-no-baseline', name: 'Month 6', kind: 'follow-up', date: '2026-06-20' },
  ],
  scores: [
    ...scores,
    score('nb-m6', 'x1', 3),
    score('e01-base', 'e01-p9', null), // missing: ignored
    score('e01-m6', null, 5), // anonymous: never paired
    score('e01-m6', 'e01-p0', 4, { outcomeId: 'knowledge-skills' }), // another outcome
    score('e02-m12', 'e02-p0', 9), // month 12: outside month 6 ± 1
  ],
};

const expectedDose = ids.map((_, i) => 30 * (i + 1));
const expectedChanges = ids.map((_, i) => [0, 1, 2].map((r) => changeOf(i, r)));
const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('buildHypothesisDataset', () => {
  const dataset = buildHypothesisDataset(register(), input);

  it('sums the registered components over the registered months from the rollups', () => {
    expect(dataset.engagements.map((e) => e.dose)).toEqual(expectedDose);
    expect(dataset.units.every((u) => u.otherMinutes === 15)).toBe(true);
  });

  it('pairs each respondent between the baseline and the wave nearest the registered month', () => {
    expect(dataset.units).toHaveLength(30);
    expect(dataset.engagements.map((e) => e.outcomeWaveId)).toEqual(ids.map((id) => `${id}-m6`));
    expect(dataset.engagements.map((e) => e.outcomeMonth)).toEqual(ids.map(() => 6));
    dataset.engagements.forEach((e, i) => {
      expect(e.units).toBe(3);
      expect(e.value).toBeCloseTo(meanOf(expectedChanges[i]!), 12);
    });
  });

  it('says why engagements were left out', () => {
    expect(dataset.engagementsConsidered).toBe(12);
    expect(dataset.excluded).toEqual([
      {
        reason: 'no wave in month 6 ± 1 measured implementation-self-efficacy at the individual level',
        engagements: 1,
      },
      {
        reason: 'no measurement of implementation-self-efficacy before the outcome wave (needed for the baseline)',
        engagements: 1,
      },
    ]);
  });

  it('keeps anonymous answers for a score at the wave, with interactions as the dose measure', () => {
    const atWave = buildHypothesisDataset(
      register({
        outcome: { ...base.outcome, measure: 'score' },
        predictor: { ...base.predictor, measure: 'interactions' },
      }),
      input,
    );
    expect(atWave.units.filter((u) => u.engagementId === 'e01')).toHaveLength(4);
    expect(atWave.engagements.map((e) => e.dose)).toEqual([...ids.map(() => 2), 0]);
    expect(atWave.excluded).toEqual([
      {
        reason: 'no wave in month 6 ± 1 measured implementation-self-efficacy at the individual level',
        engagements: 1,
      },
    ]);
  });
});

describe('runHypothesis', () => {
  const dataset = buildHypothesisDataset(register(), input);
  const unitDose = dataset.units.map((u) => u.dose);
  const unitChange = dataset.units.map((u) => u.value);
  const cluster = dataset.units.map((u) => u.engagementId);
  const means = dataset.engagements.map((e) => e.value);

  it('Spearman on engagement means equals cor.test through spearman()', () => {
    const result = runHypothesis(register(), dataset);
    const expected = spearman(expectedDose, means, { confLevel: 0.95 });
    expect(result).toMatchObject({
      outcome: 'completed',
      n: 10,
      engagements: 10,
      clusters: null,
      p: expected.p,
      statistic: { name: 'S', value: expected.statistic },
    });
    expect(result.effect).toEqual({
      name: 'Spearman ρ',
      value: expected.estimate.value,
      ci: { level: 0.95, lower: expected.estimate.ci!.lower, upper: expected.estimate.ci!.upper },
    });
    expect(result.direction).toEqual({ registered: 'positive', observed: 'positive', matched: true });
    expect(result.verdict).toBe(expected.p < 0.05 ? 'supported' : 'inconclusive');
    expect(result.method).toContain("Spearman's rank correlation rho");
    expect(result.reference).toContain('cor.test');
  });

  it('OLS with CR1 errors by engagement, adjusted for baseline, equals olsClusterRobust()', () => {
    const registration = register({ test: 'ols-cr1', covariates: ['baseline-score'], alpha: 0.1 });
    const result = runHypothesis(registration, dataset);
    const expected = olsClusterRobust(
      {
        outcome: unitChange,
        predictors: [
          { name: 'dose', values: unitDose },
          { name: 'baseline score', values: dataset.units.map((u) => u.baseline!) },
        ],
        cluster,
      },
      { confLevel: 0.9 },
    );
    const dose = expected.coefficients[1]!;
    expect(result).toMatchObject({ n: 30, clusters: 10, p: dose.p, statistic: { name: 't', value: dose.t, df: 9 } });
    expect(result.effect?.ci).toEqual(dose.ci);
    expect(result.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'dose', 'baseline score']);
    expect(result.warnings).toEqual(expected.warnings);
    expect(result.warnings.join(' ')).toMatch(/cluster/);
    expect(result.summary).toMatch(/adjusted for the unit's baseline score/);
  });

  it('the random-intercept model equals fitRandomInterceptModel()', () => {
    const result = runHypothesis(register({ test: 'lmm-reml', covariates: ['other-minutes'] }), dataset);
    // other minutes are constant here, so the design is singular: a clear message, not a fit
    expect(result).toMatchObject({ outcome: 'insufficient-data', verdict: 'untested', p: null, effect: null });
    expect(result.message).toMatch(/^Too little data for the registered test: /);
    const fitted = runHypothesis(register({ test: 'lmm-reml' }), dataset);
    const expected = fitRandomInterceptModel({
      outcome: unitChange,
      predictors: [{ name: 'dose', values: unitDose }],
      group: cluster,
    });
    const dose = expected.fixedEffects[1]!;
    expect(fitted).toMatchObject({
      outcome: 'completed',
      n: 30,
      clusters: 10,
      p: dose.p,
      statistic: { value: dose.t, df: dose.df },
    });
    expect(fitted.otherEffects[0]).toEqual({ name: 'ICC (engagement)', value: expected.icc });
  });

  it('Mann–Whitney compares the higher dose band with the lower one', () => {
    const registration = register({
      test: 'mann-whitney',
      direction: 'negative',
      predictor: { ...base.predictor, cutpoints: [150] },
    });
    const result = runHypothesis(registration, dataset);
    const expected = mannWhitney(means.slice(4), means.slice(0, 4), { confLevel: 0.95 });
    expect(result.groups).toEqual([
      { label: 'below 150 minutes', engagements: 4 },
      { label: '150 minutes or more', engagements: 6 },
    ]);
    expect(result).toMatchObject({
      p: expected.p,
      statistic: { name: 'W', value: expected.statistic },
      effect: { value: expected.estimate.value },
    });
    // registered negative, observed positive: contradicted when significant
    expect(result.direction).toMatchObject({ observed: 'positive', matched: false });
    expect(result.verdict).toBe(expected.p < 0.05 ? 'contradicted' : 'inconclusive');
  });

  it('Kruskal–Wallis over three registered bands equals kruskalWallis()', () => {
    const result = runHypothesis(
      register({
        test: 'kruskal-wallis',
        direction: 'two-sided',
        predictor: { ...base.predictor, cutpoints: [100, 200] },
      }),
      dataset,
    );
    const expected = kruskalWallis([means.slice(0, 3), means.slice(3, 6), means.slice(6)]);
    expect(result).toMatchObject({
      p: expected.p,
      statistic: { name: 'H', value: expected.statistic, df: 2 },
      direction: { observed: null, matched: null },
    });
    expect(result.groups.map((g) => g.label)).toEqual([
      'below 100 minutes',
      '100 to under 200 minutes',
      '200 minutes or more',
    ]);
  });

  it('explains too little data instead of testing, and never carries NaN', () => {
    const few = buildHypothesisDataset(register(), { ...input, engagements: engagements.slice(0, 2) });
    const result = runHypothesis(register(), few);
    expect(result).toMatchObject({ outcome: 'insufficient-data', verdict: 'untested', n: 2 });
    expect(result.message).toBe(
      'Too little data for the registered test: Spearman correlation needs at least 3 pairs; got 2.',
    );
    const none = runHypothesis(register(), buildHypothesisDataset(register(), { ...input, scores: [] }));
    expect(none.message).toMatch('no engagement has the registered outcome measured');
    const empty = runHypothesis(
      register({ test: 'mann-whitney', predictor: { ...base.predictor, cutpoints: [10_000] } }),
      dataset,
    );
    expect(empty.message).toMatch('Mann–Whitney U needs at least one observation in each group');
    const numbers: number[] = [];
    const walk = (v: unknown): void =>
      typeof v === 'number'
        ? void numbers.push(v)
        : v && typeof v === 'object'
          ? Object.values(v).forEach(walk)
          : undefined;
    [result, none, empty, runHypothesis(register({ test: 'ols-cr1' }), dataset)].forEach(walk);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  });

  it('reads a two-sided hypothesis as supported only when p < alpha', () => {
    const result = runHypothesis(register({ direction: 'two-sided', alpha: 0.5 }), dataset);
    expect(result.direction.matched).toBeNull();
    expect(result.verdict).toBe(result.p! < 0.5 ? 'supported' : 'inconclusive');
  });
});

describe('link evidence', () => {
  it('combines the latest verdicts of locked hypotheses per link', () => {
    expect(combineEvidence([])).toBe('untested');
    expect(combineEvidence(['untested', 'supported', 'inconclusive'])).toBe('supported');
    expect(combineEvidence(['contradicted', 'untested'])).toBe('contradicted');
    expect(combineEvidence(['supported', 'contradicted'])).toBe('inconclusive');
    expect(combineEvidence(['inconclusive', 'untested'])).toBe('inconclusive');
    const at = '2026-11-26T20:00:00.000Z';
    const evidence = linkEvidence(
      ['a', 'b', 'c'],
      [
        { id: 'h1', title: 'one', linkId: 'a', status: 'locked', latestRun: { verdict: 'supported', ranAt: at } },
        { id: 'h2', title: 'two', linkId: 'a', status: 'withdrawn', latestRun: { verdict: 'contradicted', ranAt: at } },
        { id: 'h3', title: 'three', linkId: 'b', status: 'draft', latestRun: null },
        { id: 'h4', title: 'four', linkId: 'c', status: 'locked', latestRun: null },
      ],
    );
    expect(evidence).toEqual([
      { linkId: 'a', evidence: 'supported', hypotheses: [{ id: 'h1', title: 'one', verdict: 'supported', ranAt: at }] },
      { linkId: 'b', evidence: 'untested', hypotheses: [] },
      {
        linkId: 'c',
        evidence: 'untested',
        hypotheses: [{ id: 'h4', title: 'four', verdict: 'untested', ranAt: null }],
      },
    ]);
  });
});
