import type { ChartOption } from '../../charts/echarts.ts';

interface ComponentSeries {
  name: string;
  coachRatings: { date: string; quality: number }[];
  selfRatings: { date: string; rating: number }[];
  minutesByMonth: { month: string; minutes: number }[];
}

/**
 * One component's competency over time: the coaches' quality ratings (solid line) and the self-ratings
 * (dashed) on the 1–5 scale, and the minutes practised per month (bars, right axis, drawn mid-month).
 */
export function competencyOption(component: ComponentSeries): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 36, right: 44, top: 56, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: [
      { type: 'value', min: 1, max: 5, interval: 1, name: 'rating' },
      { type: 'value', name: 'minutes', splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar' as const,
        name: 'Minutes practised',
        yAxisIndex: 1,
        itemStyle: { opacity: 0.35 },
        data: component.minutesByMonth.map((m) => [`${m.month}-15`, m.minutes]),
      },
      {
        type: 'line' as const,
        name: 'Coach rating',
        symbolSize: 7,
        data: component.coachRatings.map((p) => [p.date, p.quality]),
      },
      {
        type: 'line' as const,
        name: 'Self-rating',
        lineStyle: { type: 'dashed' as const },
        symbolSize: 5,
        data: component.selfRatings.map((p) => [p.date, p.rating]),
      },
    ],
  } as ChartOption;
}
