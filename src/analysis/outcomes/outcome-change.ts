import { summarizeScores, type ScoreSummary } from '../../domain/measurement/aggregate.ts';
import { wilcoxonSignedRank, type WilcoxonSignedRankResult } from '../stats/index.ts';

/**
 * Outcome change between measurement waves and outcome trajectories, per outcome, level and score.
 * Plain data in, plain data out: the API, the UI, the hypothesis tests and the exports read the same numbers.
 */

export type WaveKind = 'baseline' | 'follow-up' | 'ad-hoc';

export interface OutcomeWave {
  id: string;
  name: string;
  kind: WaveKind;
  /** ISO date the wave was (or is planned to be) given; orders the waves. */
  date: string;
}

/** How a value came about: an individual's own score, a unit's score as the mean of its members, or a rating of the unit. */
export type OutcomeSource = 'respondents' | 'members' | 'rating';

/** One score at one wave: an individual's score, or one unit's (team, organization, system) score. */
export interface OutcomeObservation {
  waveId: string;
  outcomeId: string | null;
  level: string;
  instrumentId: string;
  scoreId: string;
  name: string;
  source: OutcomeSource;
  /** The respondent or unit, so waves can be paired; null when unknown (an anonymous answer is never paired). */
  unitId: string | null;
  /** null when the score is missing (too few items answered). */
  value: number | null;
}

export interface TrajectoryPoint extends ScoreSummary {
  waveId: string;
  waveName: string;
  kind: WaveKind;
  date: string;
}

/** The paired test of one change: Wilcoxon signed-rank, as R's wilcox.test(after, before, paired = TRUE). */
export type PairedTest = Pick<
  WilcoxonSignedRankResult,
  'method' | 'n' | 'statistic' | 'statisticName' | 'p' | 'exact' | 'estimate' | 'effectSizes' | 'warnings'
>;

export interface PairedChange {
  /** Units (respondents, teams, …) with a score at both waves. */
  n: number;
  /** Mean of the within-unit differences (to − from); null without pairs. */
  meanDifference: number | null;
  /** Sample SD of the differences (n − 1); null when n < 2. */
  sdDifference: number | null;
  /** null when there are too few pairs or no differences; `note` then says why. */
  test: PairedTest | null;
  note: string | null;
}

export interface OutcomeChange {
  fromWaveId: string;
  toWaveId: string;
  fromWaveName: string;
  toWaveName: string;
  nFrom: number;
  nTo: number;
  meanFrom: number | null;
  meanTo: number | null;
  /** Difference of the wave means (to − from), over everyone measured at either wave; null when a wave has no score. */
  meanChange: number | null;
  paired: PairedChange;
}

export interface OutcomeTrajectory {
  outcomeId: string | null;
  level: string;
  instrumentId: string;
  scoreId: string;
  name: string;
  source: OutcomeSource;
  /** The wave changes are measured from: the first baseline wave measuring this score, else the earliest wave that did. */
  baselineWaveId: string | null;
  points: TrajectoryPoint[];
  /** Baseline → each later wave. */
  fromBaseline: OutcomeChange[];
  /** Each wave → the next one. */
  consecutive: OutcomeChange[];
  notes: string[];
}

export interface OutcomeChangeReport {
  trajectories: OutcomeTrajectory[];
  notes: string[];
}

/** Fewest pairs for which the signed-rank test is run; with fewer its p-value says nothing useful. */
export const MIN_PAIRS_FOR_TEST = 3;

export const PAIRED_TEST_REFERENCE =
  'Wilcoxon signed-rank test (Wilcoxon 1945; Hollander & Wolfe 1973), as R wilcox.test(after, before, paired = TRUE)';

const LEVEL_ORDER = ['individual', 'team', 'organization', 'system'];
const SOURCE_ORDER: OutcomeSource[] = ['respondents', 'members', 'rating'];

/** Orders waves by date, then name, so "consecutive" means the same thing everywhere. */
export function orderWaves(waves: readonly OutcomeWave[]): OutcomeWave[] {
  return [...waves].sort(
    (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/**
 * Values per unit at one wave: a unit measured more than once in a wave counts once, with the mean of its
 * present values; observations without a unit each count on their own. Missing values stay missing.
 */
function unitValues(observations: readonly OutcomeObservation[]): {
  byUnit: Map<string, number>;
  values: (number | null)[];
} {
  const perUnit = new Map<string, number[]>();
  const values: (number | null)[] = [];
  const missingUnits = new Set<string>();
  for (const o of observations) {
    if (o.unitId === null) {
      values.push(o.value);
      continue;
    }
    if (o.value === null || !Number.isFinite(o.value)) {
      missingUnits.add(o.unitId);
      continue;
    }
    perUnit.set(o.unitId, [...(perUnit.get(o.unitId) ?? []), o.value]);
  }
  const byUnit = new Map([...perUnit].map(([unit, list]) => [unit, list.reduce((a, b) => a + b, 0) / list.length]));
  for (const value of byUnit.values()) values.push(value);
  for (const unit of missingUnits) if (!byUnit.has(unit)) values.push(null);
  return { byUnit, values };
}

/** Mean change and paired change (with the signed-rank test when the pairs allow it) from one wave's scores to another's. */
export function outcomeChange(
  from: OutcomeWave,
  fromObservations: readonly OutcomeObservation[],
  to: OutcomeWave,
  toObservations: readonly OutcomeObservation[],
): OutcomeChange {
  const before = unitValues(fromObservations);
  const after = unitValues(toObservations);
  const summaryFrom = summarizeScores(before.values);
  const summaryTo = summarizeScores(after.values);
  const meanChange = summaryFrom.mean !== null && summaryTo.mean !== null ? summaryTo.mean - summaryFrom.mean : null;
  return {
    fromWaveId: from.id,
    toWaveId: to.id,
    fromWaveName: from.name,
    toWaveName: to.name,
    nFrom: summaryFrom.n,
    nTo: summaryTo.n,
    meanFrom: summaryFrom.mean,
    meanTo: summaryTo.mean,
    meanChange,
    paired: pairedChange(before.byUnit, after.byUnit),
  };
}

/** Within-unit change for the units measured at both waves; the signed-rank test when at least MIN_PAIRS_FOR_TEST pairs differ. */
export function pairedChange(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): PairedChange {
  const x: number[] = [];
  const y: number[] = [];
  for (const [unit, value] of before) {
    const later = after.get(unit);
    if (later === undefined) continue;
    x.push(value);
    y.push(later);
  }
  const n = x.length;
  const differences = summarizeScores(y.map((v, i) => v - (x[i] as number)));
  const base = { n, meanDifference: differences.mean, sdDifference: differences.sd };
  if (n === 0)
    return { ...base, test: null, note: 'no respondent or unit has a score at both waves: no paired change' };
  if (n < MIN_PAIRS_FOR_TEST)
    return {
      ...base,
      test: null,
      note: `only ${n} pair${n === 1 ? '' : 's'}: the signed-rank test needs at least ${MIN_PAIRS_FOR_TEST}`,
    };
  if (y.every((v, i) => v === x[i]))
    return { ...base, test: null, note: `all ${n} paired differences are zero: no signed-rank test` };
  const result = wilcoxonSignedRank(x, y);
  const { method, statistic, statisticName, p, exact, estimate, effectSizes, warnings } = result;
  return {
    ...base,
    test: { method, n: result.n, statistic, statisticName, p, exact, estimate, effectSizes, warnings },
    note: null,
  };
}

const seriesKey = (o: OutcomeObservation): string =>
  [o.outcomeId ?? '', o.level, o.instrumentId, o.scoreId, o.source].join('|');

/**
 * Trajectories of every outcome, level and score over an engagement's waves: per wave n, mean, SD, min, max
 * and missing; the change from the baseline to each later wave and between consecutive waves.
 * Edge cases give a result with a note, never NaN: no waves, no scores, a score measured at one wave only.
 */
export function outcomeTrajectories(
  waves: readonly OutcomeWave[],
  observations: readonly OutcomeObservation[],
): OutcomeChangeReport {
  const ordered = orderWaves(waves);
  if (ordered.length === 0) return { trajectories: [], notes: ['no waves planned: nothing measured yet'] };
  const known = new Set(ordered.map((w) => w.id));
  const series = new Map<string, OutcomeObservation[]>();
  for (const o of observations) {
    if (!known.has(o.waveId)) continue;
    const key = seriesKey(o);
    series.set(key, [...(series.get(key) ?? []), o]);
  }
  if (series.size === 0) return { trajectories: [], notes: ['no scores yet: no submitted responses in any wave'] };
  const trajectories = [...series.values()].map((list) => trajectory(ordered, list));
  trajectories.sort(
    (a, b) =>
      (a.outcomeId ?? '~').localeCompare(b.outcomeId ?? '~') ||
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      a.instrumentId.localeCompare(b.instrumentId) ||
      a.scoreId.localeCompare(b.scoreId) ||
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source),
  );
  return { trajectories, notes: [] };
}

function trajectory(
  orderedWaves: readonly OutcomeWave[],
  observations: readonly OutcomeObservation[],
): OutcomeTrajectory {
  const first = observations[0] as OutcomeObservation;
  const byWave = new Map<string, OutcomeObservation[]>();
  for (const o of observations) byWave.set(o.waveId, [...(byWave.get(o.waveId) ?? []), o]);
  const measured = orderedWaves.filter((w) => byWave.has(w.id));
  const at = (wave: OutcomeWave) => byWave.get(wave.id) ?? [];
  const points: TrajectoryPoint[] = measured.map((wave) => ({
    waveId: wave.id,
    waveName: wave.name,
    kind: wave.kind,
    date: wave.date,
    ...summarizeScores(unitValues(at(wave)).values),
  }));
  const notes: string[] = [];
  const baseline = measured.find((w) => w.kind === 'baseline') ?? measured[0] ?? null;
  if (baseline && baseline.kind !== 'baseline')
    notes.push(`no baseline wave measured this score: changes are from the earliest wave, ${baseline.name}`);
  if (measured.length < 2) notes.push('measured at one wave only: no change to report yet');
  const change = (from: OutcomeWave, to: OutcomeWave) => outcomeChange(from, at(from), to, at(to));
  const fromBaseline = baseline ? measured.slice(measured.indexOf(baseline) + 1).map((w) => change(baseline, w)) : [];
  const consecutive = measured.slice(1).map((w, i) => change(measured[i] as OutcomeWave, w));
  const { outcomeId, level, instrumentId, scoreId, name, source } = first;
  return {
    outcomeId,
    level,
    instrumentId,
    scoreId,
    name,
    source,
    baselineWaveId: baseline?.id ?? null,
    points,
    fromBaseline,
    consecutive,
    notes,
  };
}
