import { aggregateBy } from '../../domain/measurement/aggregate.ts';
import type { HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import { relationshipMonth } from '../../domain/support/months.ts';
import type { ComponentMonthDose } from '../../domain/support/rollups.ts';
import { orderWaves, type OutcomeObservation, type OutcomeWave } from '../outcomes/index.ts';

/**
 * The analysis data set of a hypothesis: for every engagement, the registered dose (from the monthly
 * dose rollups) and the registered outcome at the wave nearest the registered month, per measured unit
 * (a respondent at the individual level, the rated partner at team, organization or system level).
 */

export interface DatasetEngagement {
  id: string;
  startDate: string;
}

/** A wave of one engagement; its date places it in a month of the relationship. */
export type DatasetWave = OutcomeWave & { engagementId: string };

/**
 * One score of one unit at one wave, as outcome trajectories read it: a respondent at the individual
 * level (anonymous ones have no unit: counted for a score, never paired for a change), a team,
 * organization or system at its level (its members' scores and ratings of it).
 */
export type DatasetScore = Pick<OutcomeObservation, 'waveId' | 'outcomeId' | 'level' | 'unitId' | 'value'>;

export interface DatasetInput {
  engagements: readonly DatasetEngagement[];
  componentMonths: readonly ComponentMonthDose[];
  waves: readonly DatasetWave[];
  scores: readonly DatasetScore[];
}

/** One measured unit: the row the regressions fit. */
export interface UnitRow {
  engagementId: string;
  unitId: string | null;
  /** The registered dose of the unit's engagement. */
  dose: number;
  /** Minutes of every other component in the same months. */
  otherMinutes: number;
  /** The unit's baseline score; null when not needed or not measured. */
  baseline: number | null;
  /** The outcome: the score at the outcome wave, or its change from baseline. */
  value: number;
}

/** One engagement: the row the rank tests read, its value the mean over its units. */
export interface EngagementRow {
  engagementId: string;
  dose: number;
  value: number;
  units: number;
  outcomeWaveId: string;
  outcomeMonth: number;
  baselineWaveId: string | null;
}

export interface HypothesisDataset {
  units: UnitRow[];
  engagements: EngagementRow[];
  engagementsConsidered: number;
  /** Why engagements were left out, with how many. */
  excluded: { reason: string; engagements: number }[];
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const mean = (values: readonly number[]): number => sum(values) / values.length;

/** Builds the data set a registered hypothesis is tested on. Pure: the caller reads the rollups, waves and scores. */
export function buildHypothesisDataset(registration: HypothesisRegistration, input: DatasetInput): HypothesisDataset {
  const { predictor, outcome } = registration;
  const needsBaseline = outcome.measure === 'change' || registration.covariates.includes('baseline-score');
  const components = new Set(predictor.components);
  const inWindow = (m: ComponentMonthDose) =>
    m.relationshipMonth >= predictor.months.from && m.relationshipMonth <= predictor.months.to;

  const doseMonths = new Map<string, ComponentMonthDose[]>();
  for (const m of input.componentMonths)
    if (inWindow(m)) doseMonths.set(m.engagementId, [...(doseMonths.get(m.engagementId) ?? []), m]);
  const wavesOf = new Map<string, DatasetWave[]>();
  for (const w of orderWaves(input.waves) as DatasetWave[])
    wavesOf.set(w.engagementId, [...(wavesOf.get(w.engagementId) ?? []), w]);
  const scoresOf = new Map<string, DatasetScore[]>();
  for (const s of input.scores) {
    if (s.outcomeId !== outcome.outcomeId || s.level !== outcome.level || s.value === null || !Number.isFinite(s.value))
      continue;
    scoresOf.set(s.waveId, [...(scoresOf.get(s.waveId) ?? []), s]);
  }

  const excluded = new Map<string, number>();
  const exclude = (reason: string) => excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const window = `month ${outcome.atMonth}${outcome.toleranceMonths > 0 ? ` ± ${outcome.toleranceMonths}` : ''}`;
  const units: UnitRow[] = [];
  const engagements: EngagementRow[] = [];

  for (const engagement of input.engagements) {
    const months = doseMonths.get(engagement.id) ?? [];
    const dose = sum(
      months
        .filter((m) => components.has(m.componentId))
        .map((m) => (predictor.measure === 'minutes' ? m.minutes : m.interactions)),
    );
    const otherMinutes = sum(months.filter((m) => !components.has(m.componentId)).map((m) => m.minutes));

    const measured = (wavesOf.get(engagement.id) ?? [])
      .filter((w) => (scoresOf.get(w.id) ?? []).length > 0)
      .map((w) => ({ wave: w, month: relationshipMonth(engagement.startDate, w.date) }));
    const candidates = measured.filter((m) => Math.abs(m.month - outcome.atMonth) <= outcome.toleranceMonths);
    const target = candidates.sort(
      (a, b) => Math.abs(a.month - outcome.atMonth) - Math.abs(b.month - outcome.atMonth),
    )[0];
    if (!target) {
      exclude(`no wave in ${window} measured ${outcome.outcomeId} at the ${outcome.level} level`);
      continue;
    }
    const earlier = measured.filter((m) => m.wave.date < target.wave.date);
    const baselineWave = needsBaseline
      ? (earlier.find((m) => m.wave.kind === 'baseline') ?? earlier[0])?.wave
      : undefined;
    if (needsBaseline && !baselineWave) {
      exclude(`no measurement of ${outcome.outcomeId} before the outcome wave (needed for the baseline)`);
      continue;
    }

    const valuesAt = (waveId: string) =>
      aggregateBy(
        scoresOf.get(waveId) ?? [],
        (s) => s.unitId,
        (s) => s.value,
      );
    const atTarget = valuesAt(target.wave.id);
    const atBaseline = baselineWave ? valuesAt(baselineWave.id) : new Map<string, { mean: number | null }>();
    const rows: UnitRow[] = [];
    const row = (unitId: string | null, value: number, baseline: number | null): UnitRow => ({
      engagementId: engagement.id,
      unitId,
      dose,
      otherMinutes,
      baseline,
      value,
    });
    if (needsBaseline) {
      for (const [unitId, summary] of atTarget) {
        const before = atBaseline.get(unitId)?.mean ?? null;
        if (summary.mean === null || before === null) continue;
        rows.push(row(unitId, outcome.measure === 'change' ? summary.mean - before : summary.mean, before));
      }
    } else {
      for (const [unitId, summary] of atTarget) if (summary.mean !== null) rows.push(row(unitId, summary.mean, null));
      for (const s of scoresOf.get(target.wave.id) ?? [])
        if (s.unitId === null && s.value !== null) rows.push(row(null, s.value, null));
    }
    if (rows.length === 0) {
      exclude(`no unit measured at both the baseline and the outcome wave`);
      continue;
    }
    units.push(...rows);
    engagements.push({
      engagementId: engagement.id,
      dose,
      value: mean(rows.map((r) => r.value)),
      units: rows.length,
      outcomeWaveId: target.wave.id,
      outcomeMonth: target.month,
      baselineWaveId: baselineWave?.id ?? null,
    });
  }

  return {
    units,
    engagements,
    engagementsConsidered: input.engagements.length,
    excluded: [...excluded].map(([reason, count]) => ({ reason, engagements: count })),
  };
}
