import { describe, expect, it } from 'vitest';
import type { OutcomeObservation, OutcomeWave } from './outcome-change.ts';
import { outcomeSeries } from './outcome-series.ts';

const waves: OutcomeWave[] = [
  { id: 'w2', name: 'Month 6', kind: 'follow-up', date: '2020-09-01' },
  { id: 'w1', name: 'Baseline', kind: 'baseline', date: '2020-03-01' },
];

const observation = (
  waveId: string,
  level: string,
  source: OutcomeObservation['source'],
  unitId: string | null,
  value: number | null,
): OutcomeObservation => ({
  waveId,
  outcomeId: 'experience-of-support',
  level,
  instrumentId: 'aim-support',
  scoreId: 'aim',
  name: 'Acceptability',
  source,
  unitId,
  value,
});

describe('outcomeSeries', () => {
  it('summarizes respondents per wave and gives every unit its own point, by members or by rating', () => {
    const series = outcomeSeries(waves, [
      observation('w2', 'individual', 'respondents', 'c1', 4),
      observation('w2', 'team', 'members', 'team-1', 4),
      observation('w1', 'individual', 'respondents', 'c1', 2),
      observation('w1', 'team', 'members', 'team-1', 2),
      observation('w1', 'individual', 'respondents', 'c2', 4),
      observation('w1', 'team', 'members', 'team-1', 4),
      observation('w1', 'individual', 'respondents', null, null),
      observation('w1', 'team', 'rating', 'team-1', 5),
      observation('w1', 'team', 'rating', 'team-2', 3),
      observation('w1', 'team', 'rating', null, 1),
    ]);
    expect(series.map((s) => s.level)).toEqual(['individual', 'team']);
    const [individual, team] = series;
    expect(individual!.points.map((p) => [p.waveName, p.source, p.partnerId, p.n, p.mean, p.missing])).toEqual([
      ['Baseline', 'respondents', null, 2, 3, 1],
      ['Month 6', 'respondents', null, 1, 4, 0],
    ]);
    expect(individual!.points[0]!.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(team!.points.map((p) => [p.waveName, p.source, p.partnerId, p.n, p.mean])).toEqual([
      ['Baseline', 'members', 'team-1', 2, 3],
      ['Baseline', 'rating', 'team-1', 1, 5],
      ['Baseline', 'rating', 'team-2', 1, 3],
      ['Month 6', 'members', 'team-1', 1, 4],
    ]);
  });

  it('leaves out observations of waves it was not given and has no series without observations', () => {
    expect(outcomeSeries(waves, [observation('gone', 'individual', 'respondents', 'c1', 3)])).toEqual([]);
    expect(outcomeSeries([], [])).toEqual([]);
  });
});
