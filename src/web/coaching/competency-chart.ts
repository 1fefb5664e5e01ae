import type { ChartOption } from '../../charts/echarts.ts';

interface Series {
  name: string;
  coachRatings: { date: string; quality: number }[];
  selfRatings: { date: string; rating: number }[];
}

/** Coaches' ratings (solid) and self-ratings (dashed) of each component over time, on the 1–5 scale. */
export function competencyOption(components: readonly Series[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 36, right: 16, top: 48, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1, name: 'rating' },
    series: components.flatMap((c) => [
      {
        type: 'line' as const,
        name: `${c.name} (coach)`,
        symbolSize: 6,
        data: c.coachRatings.map((p) => [p.date, p.quality]),
      },
      {
        type: 'line' as const,
        name: `${c.name} (self)`,
        lineStyle: { type: 'dashed' as const },
        symbolSize: 4,
        data: c.selfRatings.map((p) => [p.date, p.rating]),
      },
    ]),
  } as ChartOption;
}
