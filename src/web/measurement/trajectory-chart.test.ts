import { describe, expect, it } from 'vitest';
import type { OutcomeTrajectory } from '../../domain/measurement/schemas.ts';
import { renderChartSvg } from '../../charts/ssr.ts';
import {
  formatChange,
  formatNumber,
  formatP,
  groupTrajectories,
  groupWaves,
  trajectoryOption,
} from './trajectory-chart.ts';

const point = (waveId: string, waveName: string, date: string, mean: number | null, n: number) => ({
  waveId,
  waveName,
  kind: 'follow-up' as const,
  date,
  n,
  mean,
  sd: null,
  min: mean,
  max: mean,
  missing: 0,
});
const trajectory = (
  level: string,
  source: OutcomeTrajectory['source'],
  points: OutcomeTrajectory['points'],
): OutcomeTrajectory => ({
  outcomeId: 'experience-of-support',
  level,
  instrumentId: 'aim-support',
  scoreId: 'aim',
  name: 'Acceptability',
  source,
  baselineWaveId: points[0]?.waveId ?? null,
  points,
  fromBaseline: [],
  consecutive: [],
  notes: [],
});

const trajectories = [
  trajectory('team', 'members', [point('w1', 'Baseline', '2026-01-01', 3, 1)]),
  trajectory('individual', 'respondents', [
    point('w1', 'Baseline', '2026-01-01', 2.75, 4),
    point('w2', 'Month 6', '2026-06-01', 3.5, 4),
  ]),
  trajectory('team', 'rating', [point('w2', 'Month 6', '2026-06-01', null, 0)]),
];

describe('outcome trajectory chart', () => {
  const [group] = groupTrajectories(trajectories);

  it('groups one score into one chart, levels in order, waves in date order', () => {
    expect(groupTrajectories(trajectories)).toHaveLength(1);
    expect(group?.trajectories.map((t) => `${t.level}/${t.source}`)).toEqual([
      'individual/respondents',
      'team/members',
      'team/rating',
    ]);
    expect(groupWaves(group!).map((w) => w.label)).toEqual(['Baseline', 'Month 6']);
  });

  it('leaves a gap where a level was not measured and renders to SVG in Node', () => {
    const option = trajectoryOption(group!);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.data)).toEqual([
      [2.75, 3.5],
      [3, null],
      [null, null],
    ]);
    const svg = renderChartSvg(option, 640, 300);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Individual (respondents)');
    expect(svg).toContain('Month 6');
    expect(svg).not.toContain('NaN');
  });

  it('formats numbers without ever showing NaN', () => {
    expect([formatNumber(Number.NaN), formatNumber(null), formatNumber(2.5)]).toEqual(['—', '—', '2.50']);
    expect([formatChange(0.5), formatChange(-0.25), formatChange(0), formatChange(null)]).toEqual([
      '+0.50',
      '−0.25',
      '±0.00',
      '—',
    ]);
    expect([formatP(0.0004), formatP(0.0625), formatP(undefined)]).toEqual(['< 0.001', '0.063', '—']);
  });
});
