import { echarts } from './echarts.ts';
import type { ChartOption } from './echarts.ts';

/** Renders a chart option to an SVG document string without a browser, for reports and exported files. */
export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
