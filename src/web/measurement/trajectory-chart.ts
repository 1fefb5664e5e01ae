import type { OutcomeTrajectory } from '../../domain/measurement/schemas.ts';
import type { ChartOption } from '../../charts/echarts.ts';

/** Outcome trajectories as a chart and a table: pure builders, so the browser and Node draw the same thing. */

const levelOrder = ['individual', 'team', 'organization', 'system'];
const sourceLabels: Record<OutcomeTrajectory['source'], string> = {
  respondents: 'respondents',
  members: 'mean of members',
  rating: 'rating',
};
const palette = ['#1c7ed6', '#e8590c', '#2f9e44', '#7048e8', '#c2255c', '#0c8599'];

/** One chart's worth of trajectories: the same score of one instrument (and outcome), one line per level and source. */
export interface TrajectoryGroup {
  key: string;
  outcomeId: string | null;
  instrumentId: string;
  scoreId: string;
  name: string;
  trajectories: OutcomeTrajectory[];
}

export const trajectoryLabel = (t: Pick<OutcomeTrajectory, 'level' | 'source'>): string =>
  `${t.level.charAt(0).toUpperCase()}${t.level.slice(1)} (${sourceLabels[t.source]})`;

/** Groups trajectories by outcome, instrument and score, lines in level order. */
export function groupTrajectories(trajectories: readonly OutcomeTrajectory[]): TrajectoryGroup[] {
  const groups = new Map<string, TrajectoryGroup>();
  for (const t of trajectories) {
    const key = `${t.outcomeId ?? ''}|${t.instrumentId}|${t.scoreId}`;
    const group = groups.get(key) ?? {
      key,
      outcomeId: t.outcomeId,
      instrumentId: t.instrumentId,
      scoreId: t.scoreId,
      name: t.name,
      trajectories: [],
    };
    group.trajectories.push(t);
    groups.set(key, group);
  }
  for (const group of groups.values())
    group.trajectories.sort(
      (a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || a.source.localeCompare(b.source),
    );
  return [...groups.values()];
}

/** The waves of a group in date order, each once: the chart's categories. */
export function groupWaves(group: TrajectoryGroup): { waveId: string; label: string }[] {
  const waves = new Map<string, { waveId: string; label: string; date: string }>();
  for (const t of group.trajectories)
    for (const p of t.points) waves.set(p.waveId, { waveId: p.waveId, label: p.waveName, date: p.date });
  return [...waves.values()].sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

/** Mean score per wave, one line per level; a wave where a level was not measured is a gap, never zero or NaN. */
export function trajectoryOption(group: TrajectoryGroup): ChartOption {
  const waves = groupWaves(group);
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(2) : '—') },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 11 } },
    grid: { left: 44, right: 20, top: 44, bottom: 36 },
    xAxis: {
      type: 'category',
      name: 'wave',
      nameLocation: 'middle',
      nameGap: 26,
      boundaryGap: false,
      data: waves.map((w) => w.label),
    },
    yAxis: { type: 'value', name: `mean ${group.name}`, scale: true, nameTextStyle: { align: 'left' } },
    series: group.trajectories.map((t, i) => {
      const byWave = new Map(t.points.map((p) => [p.waveId, p.mean]));
      return {
        type: 'line' as const,
        name: trajectoryLabel(t),
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: palette[i % palette.length] },
        lineStyle: t.source === 'rating' ? { type: 'dashed' as const } : {},
        data: waves.map((w) => byWave.get(w.waveId) ?? null),
      };
    }),
  };
}

/** A number for a table cell: fixed digits, a dash for nothing; never "NaN". */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A signed change, e.g. "+0.50". */
export function formatChange(value: number | null | undefined, digits = 2): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;
}

/** A p-value as journals print it: three decimals, "< 0.001" below. */
export function formatP(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
