import type { BarSeries, ChartOption } from './echarts.ts';

/** Pure builders of the charts Praxis draws: plain data in, an ECharts option out. */

export interface ChartComponent {
  id: string;
  name: string;
  group: string;
}

export interface ChartGroup {
  id: string;
  name: string;
}

/** Base hue per component group, in the model's group order; components of one group share a hue in shades. */
const groupPalettes: readonly (readonly string[])[] = [
  ['#1c7ed6', '#4dabf7', '#a5d8ff', '#1864ab'],
  ['#e8590c', '#ff922b', '#ffc078', '#d9480f'],
  ['#2f9e44', '#51cf66', '#b2f2bb', '#2b8a3e'],
  ['#7048e8', '#9775fa', '#d0bfff', '#5f3dc4'],
  ['#c2255c', '#f06595', '#fcc2d7', '#a61e4d'],
  ['#0c8599', '#3bc9db', '#99e9f2', '#0b7285'],
];

/** A colour for every component: its group's hue, one shade per component within the group. */
export function componentColors(
  components: readonly ChartComponent[],
  groups: readonly ChartGroup[],
): Map<string, string> {
  const colors = new Map<string, string>();
  const usedInGroup = new Map<string, number>();
  const groupIndex = (groupId: string): number => {
    const index = groups.findIndex((group) => group.id === groupId);
    return index === -1 ? groups.length : index;
  };
  for (const component of components) {
    const palette = groupPalettes[groupIndex(component.group) % groupPalettes.length] ??
      groupPalettes[0] ?? ['#868e96'];
    const shade = usedInGroup.get(component.group) ?? 0;
    usedInGroup.set(component.group, shade + 1);
    colors.set(component.id, palette[shade % palette.length] ?? '#868e96');
  }
  return colors;
}

const baseOption = (): ChartOption => ({
  aria: { enabled: true },
  animationDuration: 300,
  // The same font stack as the app, named outright so ECharts measures labels with the font it draws them in.
  textStyle: { fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

/** The axis of months along the bottom, named below its labels. */
const monthAxis = (months: readonly { month: string }[], axisName: string, boundaryGap = true) => ({
  type: 'category' as const,
  name: axisName,
  nameLocation: 'middle' as const,
  nameGap: 26,
  ...(boundaryGap ? {} : { boundaryGap: false }),
  data: months.map((month) => month.month),
});

/** A value axis named at its top, the name aligned away from the plot (`right` on the left axis, `left` on the right one). */
const valueAxis = (name: string, align: 'left' | 'right', extra: { min?: number; minInterval?: number } = {}) => ({
  type: 'value' as const,
  name,
  ...extra,
  nameTextStyle: { align },
});

/** The legend centred above the plot, in small type. */
const topLegend = (data?: string[]) => ({
  top: 0,
  left: 'center' as const,
  itemWidth: 12,
  itemHeight: 12,
  textStyle: { fontSize: 11 },
  ...(data ? { data } : {}),
});

/** A second value axis, on the right, without grid lines of its own. */
const rightValueAxis = (name: string, extra: { min?: number; minInterval?: number } = {}) => ({
  ...valueAxis(name, 'left', extra),
  splitLine: { show: false },
});

export interface ComponentMonthMinutes {
  /** The month's label on the axis: a month of relationship (1, 2, …) or a calendar month (`2024-03`). */
  month: string;
  components: ReadonlyArray<{ componentId: string; minutes: number }>;
}

/**
 * Stacked bars of minutes per component for each month, one colour family per component group,
 * with a legend of component names in the model's order.
 */
export function componentMixOption(
  months: readonly ComponentMonthMinutes[],
  components: readonly ChartComponent[],
  groups: readonly ChartGroup[],
  axisName: string,
): ChartOption {
  const colors = componentColors(components, groups);
  const series: BarSeries[] = components.map((component) => ({
    type: 'bar',
    name: component.name,
    stack: 'minutes',
    barMaxWidth: 28,
    itemStyle: { color: colors.get(component.id) },
    emphasis: { focus: 'series' },
    data: months.map((month) => month.components.find((use) => use.componentId === component.id)?.minutes ?? 0),
  }));
  return {
    ...baseOption(),
    legend: { bottom: 0, left: 0, right: 0, itemWidth: 12, itemHeight: 12, itemGap: 8, textStyle: { fontSize: 11 } },
    grid: { left: 44, right: 12, top: 28, bottom: 64 + Math.ceil(components.length / 3) * 16 },
    xAxis: monthAxis(months, axisName),
    yAxis: valueAxis('minutes', 'right'),
    series,
  };
}

export interface DoseMonth {
  month: string;
  minutes: number;
  interactions: number;
}

/** Dose per month: minutes as bars, interactions as a line on a second axis. */
export function doseOption(months: readonly DoseMonth[], axisName: string): ChartOption {
  return {
    ...baseOption(),
    legend: topLegend(),
    grid: { left: 44, right: 36, top: 44, bottom: 36 },
    xAxis: monthAxis(months, axisName),
    yAxis: [valueAxis('minutes', 'right'), rightValueAxis('interactions', { minInterval: 1 })],
    series: [
      {
        type: 'bar',
        name: 'Minutes',
        barMaxWidth: 28,
        itemStyle: { color: '#228be6' },
        data: months.map((month) => month.minutes),
      },
      {
        type: 'line',
        name: 'Interactions',
        yAxisIndex: 1,
        symbolSize: 5,
        itemStyle: { color: '#e8590c' },
        data: months.map((month) => month.interactions),
      },
    ],
  };
}

/** Month of relationship rows filled in from 1 to the last month, so gaps show as empty months, not closed ones. */
export function fillRelationshipMonths<T extends { month: number }>(
  rows: readonly T[],
  empty: (month: number) => T,
  through?: number,
): T[] {
  const last = Math.max(through ?? 0, ...rows.map((row) => row.month));
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const filled: T[] = [];
  for (let month = 1; month <= last; month += 1) filled.push(byMonth.get(month) ?? empty(month));
  return filled;
}

export interface DoseDistributionMonth {
  month: string;
  mean: number;
  median: number;
  q1: number;
  q3: number;
}

/**
 * Minutes per engagement across engagements: the interquartile range as a shaded band (Q1 to Q3), the
 * median as a solid line and the mean as a dashed one.
 */
export function doseDistributionOption(months: readonly DoseDistributionMonth[], axisName: string): ChartOption {
  const line = { type: 'line' as const, symbolSize: 4, data: [] as number[] };
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis' },
    legend: topLegend(['Median', 'Mean', 'Interquartile range']),
    grid: { left: 44, right: 16, top: 44, bottom: 36 },
    xAxis: monthAxis(months, axisName, false),
    yAxis: valueAxis('minutes per engagement', 'left'),
    series: [
      // The band is Q1 (invisible) with Q3 − Q1 stacked on top of it and filled.
      {
        ...line,
        name: 'Q1',
        stack: 'iqr',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: months.map((month) => month.q1),
      },
      {
        ...line,
        name: 'Interquartile range',
        stack: 'iqr',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#a5d8ff' },
        areaStyle: { color: '#a5d8ff', opacity: 0.6 },
        data: months.map((month) => month.q3 - month.q1),
      },
      { ...line, name: 'Median', itemStyle: { color: '#1864ab' }, data: months.map((month) => month.median) },
      {
        ...line,
        name: 'Mean',
        itemStyle: { color: '#e8590c' },
        lineStyle: { type: 'dashed' },
        data: months.map((month) => month.mean),
      },
    ],
  };
}

/** Horizontal bars, one per label, in the given order: shares (as percentages) or counts. */
export function barsOption(
  bars: ReadonlyArray<{ label: string; value: number }>,
  valueName: string,
  percent: boolean,
): ChartOption {
  return {
    ...baseOption(),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (percent ? `${Math.round(Number(value) * 100)}%` : String(value)),
    },
    grid: { left: 8, right: 24, top: 8, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      name: valueName,
      nameLocation: 'middle',
      nameGap: 22,
      max: percent ? 1 : undefined,
      axisLabel: percent ? { formatter: (value: number) => `${Math.round(value * 100)}%` } : {},
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: valueName,
        barMaxWidth: 18,
        itemStyle: { color: '#228be6' },
        data: bars.map((bar) => bar.value),
      },
    ],
  };
}

export interface DiversityMonth {
  month: string;
  entropy: number;
  componentsUsed: number;
}

/** Diversity of component use per month: mean Shannon entropy (left axis) and mean number of components used (right axis), as lines. */
export function diversityOption(months: readonly DiversityMonth[], axisName: string): ChartOption {
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', valueFormatter: (value) => Number(value).toFixed(2) },
    legend: topLegend(),
    grid: { left: 44, right: 36, top: 44, bottom: 36 },
    xAxis: monthAxis(months, axisName),
    yAxis: [valueAxis('entropy (nats)', 'right', { min: 0 }), rightValueAxis('components', { min: 0 })],
    series: [
      {
        type: 'line',
        name: 'Mean Shannon entropy',
        symbolSize: 4,
        itemStyle: { color: '#7048e8' },
        data: months.map((month) => month.entropy),
      },
      {
        type: 'line',
        name: 'Mean components used',
        yAxisIndex: 1,
        symbolSize: 4,
        itemStyle: { color: '#2f9e44' },
        lineStyle: { type: 'dashed' },
        data: months.map((month) => month.componentsUsed),
      },
    ],
  };
}

export interface PlanVersusActualMonth {
  month: string;
  /** Minutes a month the plan of the month's stage sets; null when that stage has no plan. */
  planned: number | null;
  logged: number;
}

/** Plan versus actual per month: planned minutes beside logged minutes, as paired bars. */
export function planVersusActualOption(months: readonly PlanVersusActualMonth[], axisName: string): ChartOption {
  return {
    ...baseOption(),
    legend: topLegend(),
    grid: { left: 44, right: 12, top: 36, bottom: 36 },
    xAxis: monthAxis(months, axisName),
    yAxis: valueAxis('minutes', 'right'),
    series: [
      {
        type: 'bar',
        name: 'Planned',
        barMaxWidth: 18,
        itemStyle: { color: '#adb5bd', borderColor: '#495057', borderWidth: 1 },
        data: months.map((month) => month.planned ?? '-'),
      },
      {
        type: 'bar',
        name: 'Logged',
        barMaxWidth: 18,
        itemStyle: { color: '#228be6' },
        data: months.map((month) => month.logged),
      },
    ],
  };
}
