import type { StoredScore } from '../../domain/measurement/schemas.ts';
import type { OutcomeObservation } from './outcome-change.ts';

/**
 * The observations behind outcome trajectories, from stored scores. An individual's score counts at its own
 * level (paired across waves by contact; anonymous ones are not paired) and again for the unit they belong
 * to, at that unit's level — the unit's value at a wave is the mean of its members' scores. A rating of a
 * team, organization or system counts for that unit at its level.
 */
export function observationsFromScores(
  scores: readonly StoredScore[],
  /** The level each response was given at, by response id: `individual`, or the level of a rating. */
  responseLevels: ReadonlyMap<string, string>,
  /** The level of each unit (partner) by id: team, organization or system. */
  unitLevels: ReadonlyMap<string, string>,
): OutcomeObservation[] {
  const observations: OutcomeObservation[] = [];
  for (const s of scores) {
    const base = {
      waveId: s.waveId,
      outcomeId: s.outcomeId,
      instrumentId: s.instrumentId,
      scoreId: s.scoreId,
      name: s.name,
      value: s.value,
    };
    const responseLevel = responseLevels.get(s.responseId);
    if (responseLevel === undefined) continue;
    if (responseLevel === 'individual') {
      observations.push({ ...base, level: s.level ?? 'individual', source: 'respondents', unitId: s.contactId });
      const unitLevel = s.partnerId === null ? undefined : unitLevels.get(s.partnerId);
      if (unitLevel !== undefined)
        observations.push({ ...base, level: unitLevel, source: 'members', unitId: s.partnerId });
    } else {
      observations.push({ ...base, level: s.level ?? responseLevel, source: 'rating', unitId: s.partnerId });
    }
  }
  return observations;
}
