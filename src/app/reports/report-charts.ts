import type { ReportChart } from '../../analysis/reports/report.ts';
import type { ChartOption } from '../../charts/echarts.ts';
import {
  barsOption,
  componentMixOption,
  doseDistributionOption,
  doseOption,
  planVersusActualOption,
} from '../../charts/options.ts';
import { renderChartSvg } from '../../charts/ssr.ts';

/** The width reports draw charts at, in CSS pixels; PDF scales the same drawing to its page. */
export const reportChartWidth = 720;

/** The dashboard's chart option for a report chart, and the height it needs. */
function chartOption(chart: ReportChart): { option: ChartOption; height: number } {
  switch (chart.kind) {
    case 'dose':
      return { option: doseOption(chart.months, chart.axis), height: 280 };
    case 'componentMix':
      return {
        option: componentMixOption(chart.months, chart.components, chart.groups, chart.axis),
        height: 300 + Math.ceil(chart.components.length / 4) * 16,
      };
    case 'doseDistribution':
      return { option: doseDistributionOption(chart.months, chart.axis), height: 300 };
    case 'bars':
      return { option: barsOption(chart.bars, chart.valueName, chart.percent), height: 48 + chart.bars.length * 26 };
    case 'planVersusActual':
      return { option: planVersusActualOption(chart.months, chart.axis), height: 260 };
  }
}

/** The height a report chart is drawn at, at `reportChartWidth`. */
export const reportChartHeight = (chart: ReportChart): number => chartOption(chart).height;

/** A report chart drawn as an SVG document, with its size. */
export function reportChartSvg(chart: ReportChart): { svg: string; width: number; height: number } {
  const { option, height } = chartOption(chart);
  return { svg: renderChartSvg(option, reportChartWidth, height), width: reportChartWidth, height };
}
