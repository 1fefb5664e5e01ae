import { describe, expect, it } from 'vitest';
import type { StoredScore } from '../../domain/measurement/schemas.ts';
import { observationsFromScores } from './observations.ts';

const score = (
  responseId: string,
  partnerId: string | null,
  contactId: string | null,
  value: number | null,
  level: string | null = 'individual',
): StoredScore => ({
  responseId,
  waveId: 'w1',
  instrumentId: 'aim-support',
  answeredVersion: '1.0.0',
  scoredVersion: '1.0.0',
  scoreId: 'aim',
  name: 'Acceptability',
  outcomeId: 'experience-of-support',
  level,
  partnerId,
  contactId,
  value,
  missingReason: null,
  answered: 4,
  itemCount: 4,
  prorated: false,
  computedAt: '2026-01-01T00:00:00Z',
});

describe('observationsFromScores', () => {
  const responseLevels = new Map([
    ['r1', 'individual'],
    ['r2', 'individual'],
    ['r3', 'team'],
  ]);
  const unitLevels = new Map([['team-1', 'team']]);

  it('counts an individual for themselves and for their unit, and a rating for the unit it rates', () => {
    const observations = observationsFromScores(
      [score('r1', 'team-1', 'c1', 3), score('r2', null, null, 4), score('r3', 'team-1', null, 5, 'team')],
      responseLevels,
      unitLevels,
    );
    expect(observations.map((o) => `${o.level}/${o.source}/${o.unitId}/${o.value}`)).toEqual([
      'individual/respondents/c1/3',
      'team/members/team-1/3',
      'individual/respondents/null/4',
      'team/rating/team-1/5',
    ]);
  });

  it('skips scores of responses it does not know (a deleted wave)', () => {
    expect(observationsFromScores([score('gone', null, 'c1', 3)], responseLevels, unitLevels)).toEqual([]);
  });
});
