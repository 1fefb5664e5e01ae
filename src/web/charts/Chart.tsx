import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { echarts } from '../../charts/echarts.ts';
import type { ChartOption } from '../../charts/echarts.ts';

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers and shown on hover. */
  label: string;
  height?: number;
}

/** Draws one ECharts option as SVG and keeps it sized to its container. */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts' generated description reads stacked series as "NaN"; the chart's own label describes it instead.
    chart.current?.setOption({ ...option, aria: { enabled: true, label: { description: label } } }, { notMerge: true });
  }, [option, label]);

  // ECharts labels its own element; the figure's label sits on a wrapper so it stays ours.
  return (
    <Box role="img" aria-label={label} w="100%">
      <Box ref={container} h={height} w="100%" />
    </Box>
  );
}
