import { summarizeScores } from '../../domain/measurement/aggregate.ts';
import type { OutcomeSeries } from '../../domain/measurement/schemas.ts';
import type { OutcomeObservation, OutcomeWave } from './outcome-change.ts';

type Point = OutcomeSeries['points'][number];

const LEVEL_ORDER = ['individual', 'team', 'organization', 'system'];

/**
 * The score history of an engagement, per outcome and level, wave by wave, from the same observations as
 * outcome trajectories: respondents' scores summarized (n, mean, SD) in one point per wave; each unit's
 * score as the mean of its members, and each rating of a unit, in one point per unit and wave.
 * Unlike a trajectory, units are not pooled: a team series has a point for every team.
 */
export function outcomeSeries(
  waves: readonly OutcomeWave[],
  observations: readonly OutcomeObservation[],
): OutcomeSeries[] {
  const waveById = new Map(waves.map((w) => [w.id, w]));
  // One group per wave, score and kind of response (respondents and their units come from the same answers),
  // in the order the scores came, so points of one wave keep the order the scores were stored in.
  const groups = new Map<string, OutcomeObservation[]>();
  for (const o of observations) {
    if (!waveById.has(o.waveId)) continue;
    const key = [o.waveId, o.instrumentId, o.scoreId, o.source === 'rating' ? 'rating' : 'individual'].join('|');
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }

  const series = new Map<string, OutcomeSeries>();
  const add = (o: OutcomeObservation, point: Point) => {
    const key = [o.outcomeId ?? '', o.level, o.instrumentId, o.scoreId].join('|');
    const entry = series.get(key) ?? {
      outcomeId: o.outcomeId,
      level: o.level,
      instrumentId: o.instrumentId,
      scoreId: o.scoreId,
      name: o.name,
      points: [],
    };
    entry.points.push(point);
    series.set(key, entry);
  };
  for (const group of groups.values()) {
    const wave = waveById.get(group[0]!.waveId)!;
    const at = { waveId: wave.id, waveName: wave.name, date: wave.date };
    const respondents = group.filter((o) => o.source === 'respondents');
    const first = respondents[0];
    if (first)
      add(first, {
        ...at,
        ...summarizeScores(respondents.map((o) => o.value)),
        source: 'respondents',
        partnerId: null,
      });
    for (const units of unitGroups(group.filter((o) => o.source !== 'respondents')).values()) {
      const unit = units[0]!;
      add(unit, { ...at, ...summarizeScores(units.map((o) => o.value)), source: unit.source, partnerId: unit.unitId });
    }
  }

  const list = [...series.values()].sort(
    (a, b) =>
      (a.outcomeId ?? '~').localeCompare(b.outcomeId ?? '~') ||
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      a.instrumentId.localeCompare(b.instrumentId) ||
      a.scoreId.localeCompare(b.scoreId),
  );
  for (const s of list) s.points.sort((a, b) => a.date.localeCompare(b.date) || a.waveId.localeCompare(b.waveId));
  return list;
}

/** Observations of units by unit and level, in order of first appearance; those without a unit are left out. */
function unitGroups(observations: readonly OutcomeObservation[]): Map<string, OutcomeObservation[]> {
  const groups = new Map<string, OutcomeObservation[]>();
  for (const o of observations) {
    if (o.unitId === null) continue;
    const key = `${o.unitId}|${o.level}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return groups;
}
