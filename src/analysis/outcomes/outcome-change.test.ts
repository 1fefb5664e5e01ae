import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../stats/index.ts';
import {
  MIN_PAIRS_FOR_TEST,
  outcomeTrajectories,
  pairedChange,
  type OutcomeObservation,
  type OutcomeWave,
} from './index.ts';

const waves: OutcomeWave[] = [
  { id: 'w-end', name: 'Month 12', kind: 'follow-up', date: '2026-12-01' },
  { id: 'w-base', name: 'Baseline', kind: 'baseline', date: '2026-01-10' },
  { id: 'w-mid', name: 'Month 6', kind: 'follow-up', date: '2026-06-01' },
];

const individual = (waveId: string, unitId: string | null, value: number | null): OutcomeObservation => ({
  waveId,
  outcomeId: 'experience-of-support',
  level: 'individual',
  instrumentId: 'aim-support',
  scoreId: 'aim',
  name: 'Acceptability',
  source: 'respondents',
  unitId,
  value,
});

const team = (waveId: string, unitId: string, value: number): OutcomeObservation => ({
  ...individual(waveId, unitId, value),
  level: 'team',
  source: 'members',
});

const observations: OutcomeObservation[] = [
  ...[2.5, 3, 3.25, 2, 4].map((v, i) => individual('w-base', `p${i + 1}`, v)),
  individual('w-base', null, 3.5), // anonymous: counted, never paired
  individual('w-base', 'p6', null), // missing score: counted as missing
  ...[3, 3.5, 3, 3.25, 4.5].map((v, i) => individual('w-mid', `p${i + 1}`, v)),
  individual('w-mid', 'p7', 4),
  individual('w-end', 'p1', 3.75),
  individual('w-end', 'p2', 4),
  team('w-base', 't1', 3),
  team('w-mid', 't1', 3.5),
];

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('outcomeTrajectories', () => {
  const report = outcomeTrajectories(waves, observations);
  const [individualSeries, teamSeries] = report.trajectories;

  it('gives one trajectory per outcome, level, score and source, individual level first', () => {
    expect(report.trajectories.map((t) => `${t.level}/${t.source}`)).toEqual([
      'individual/respondents',
      'team/members',
    ]);
    expect(report.notes).toEqual([]);
  });

  it('summarizes each wave in date order with n, mean, SD and missing', () => {
    expect(individualSeries?.points.map((p) => p.waveId)).toEqual(['w-base', 'w-mid', 'w-end']);
    const base = individualSeries?.points[0];
    expect(base).toMatchObject({ n: 6, missing: 1, min: 2, max: 4 });
    expect(base?.mean).toBeCloseTo(mean([2.5, 3, 3.25, 2, 4, 3.5]), 12);
    expect(individualSeries?.points[2]).toMatchObject({ n: 2, mean: 3.875 });
  });

  it('measures change from the baseline to each follow-up and between consecutive waves', () => {
    expect(individualSeries?.baselineWaveId).toBe('w-base');
    expect(individualSeries?.fromBaseline.map((c) => `${c.fromWaveId}>${c.toWaveId}`)).toEqual([
      'w-base>w-mid',
      'w-base>w-end',
    ]);
    expect(individualSeries?.consecutive.map((c) => `${c.fromWaveId}>${c.toWaveId}`)).toEqual([
      'w-base>w-mid',
      'w-mid>w-end',
    ]);
    const change = individualSeries?.fromBaseline[0];
    expect(change?.meanChange).toBeCloseTo(mean([3, 3.5, 3, 3.25, 4.5, 4]) - mean([2.5, 3, 3.25, 2, 4, 3.5]), 12);
    expect(change).toMatchObject({ nFrom: 6, nTo: 6 });
  });

  it('pairs the respondents measured at both waves and runs the signed-rank test on them', () => {
    const paired = individualSeries?.fromBaseline[0]?.paired;
    expect(paired?.n).toBe(5);
    expect(paired?.meanDifference).toBeCloseTo(mean([0.5, 0.5, -0.25, 1.25, 0.5]), 12);
    const expected = wilcoxonSignedRank([2.5, 3, 3.25, 2, 4], [3, 3.5, 3, 3.25, 4.5]);
    expect(paired?.test?.statistic).toBe(expected.statistic);
    expect(paired?.test?.p).toBe(expected.p);
    expect(paired?.test?.method).toBe('Wilcoxon signed rank test with continuity correction');
    expect(paired?.note).toBeNull();
  });

  it('explains, rather than tests, a change with too few pairs', () => {
    const toEnd = individualSeries?.fromBaseline[1]?.paired;
    expect(toEnd).toMatchObject({ n: 2, test: null });
    expect(toEnd?.note).toMatch(`needs at least ${MIN_PAIRS_FOR_TEST}`);
    const teamChange = teamSeries?.consecutive[0];
    expect(teamChange).toMatchObject({
      meanChange: 0.5,
      paired: { n: 1, meanDifference: 0.5, sdDifference: null, test: null },
    });
  });

  it('never produces NaN anywhere', () => {
    const numbers: number[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'number') numbers.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(report);
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  });
});

describe('outcomeTrajectories edge cases', () => {
  it('says so when there are no waves or no scores', () => {
    expect(outcomeTrajectories([], observations)).toEqual({
      trajectories: [],
      notes: ['no waves planned: nothing measured yet'],
    });
    expect(outcomeTrajectories(waves, [])).toEqual({
      trajectories: [],
      notes: ['no scores yet: no submitted responses in any wave'],
    });
  });

  it('reports a score measured at one wave only without a change', () => {
    const [only] = outcomeTrajectories(waves, [individual('w-mid', 'p1', 3)]).trajectories;
    expect(only?.points).toHaveLength(1);
    expect(only?.fromBaseline).toEqual([]);
    expect(only?.consecutive).toEqual([]);
    expect(only?.notes).toEqual([
      'no baseline wave measured this score: changes are from the earliest wave, Month 6',
      'measured at one wave only: no change to report yet',
    ]);
  });

  it('gives null means, not NaN, when every score at a wave is missing', () => {
    const [series] = outcomeTrajectories(waves, [
      individual('w-base', 'p1', null),
      individual('w-mid', 'p1', 3),
    ]).trajectories;
    expect(series?.points[0]).toMatchObject({ n: 0, mean: null, sd: null, missing: 1 });
    expect(series?.fromBaseline[0]).toMatchObject({
      meanChange: null,
      paired: { n: 0, meanDifference: null, test: null },
    });
  });

  it('counts a unit measured twice in one wave once, with its mean', () => {
    const [series] = outcomeTrajectories(waves, [
      individual('w-base', 'p1', 2),
      individual('w-base', 'p1', 4),
    ]).trajectories;
    expect(series?.points[0]).toMatchObject({ n: 1, mean: 3 });
  });

  it('does not test when every paired difference is zero', () => {
    const same = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(pairedChange(same, same)).toMatchObject({
      n: 3,
      meanDifference: 0,
      test: null,
      note: 'all 3 paired differences are zero: no signed-rank test',
    });
  });

  it('ignores scores of waves it was not given', () => {
    expect(outcomeTrajectories(waves, [individual('w-other', 'p1', 3)]).trajectories).toEqual([]);
  });
});
