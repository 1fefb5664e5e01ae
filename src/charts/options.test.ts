import { describe, expect, test } from 'vitest';
import {
  componentColors,
  componentMixOption,
  doseOption,
  fillRelationshipMonths,
  planVersusActualOption,
} from './options.ts';

const groups = [
  { id: 'foundational', name: 'Foundational' },
  { id: 'co-design', name: 'Co-design' },
];
const components = [
  { id: 'relating', name: 'Building relationships', group: 'foundational' },
  { id: 'assessing', name: 'Assessing context', group: 'foundational' },
  { id: 'co-designing', name: 'Co-designing plans', group: 'co-design' },
];

describe('chart options', () => {
  test('components of one group share a hue in different shades; groups differ', () => {
    const colors = componentColors(components, groups);
    expect(colors.get('relating')).toBe('#1c7ed6');
    expect(colors.get('assessing')).toBe('#4dabf7');
    expect(colors.get('co-designing')).toBe('#e8590c');
  });

  test('component mix stacks one series per component, in model order, with zero for unused months', () => {
    const option = componentMixOption(
      [
        { month: '1', components: [{ componentId: 'relating', minutes: 30 }] },
        {
          month: '2',
          components: [
            { componentId: 'co-designing', minutes: 45 },
            { componentId: 'relating', minutes: 15 },
          ],
        },
      ],
      components,
      groups,
      'month of relationship',
    );
    const series = option.series as Array<{ name: string; stack: string; data: number[] }>;
    expect(series.map((s) => s.name)).toEqual(['Building relationships', 'Assessing context', 'Co-designing plans']);
    expect(series.every((s) => s.stack === 'minutes')).toBe(true);
    expect(series[0]?.data).toEqual([30, 15]);
    expect(series[1]?.data).toEqual([0, 0]);
    expect(series[2]?.data).toEqual([0, 45]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['1', '2']);
  });

  test('dose shows minutes as bars and interactions as a line on the second axis', () => {
    const option = doseOption([{ month: '2024-01', minutes: 120, interactions: 3 }], 'month');
    const series = option.series as Array<{ type: string; data: number[]; yAxisIndex?: number }>;
    expect(series[0]).toMatchObject({ type: 'bar', data: [120] });
    expect(series[1]).toMatchObject({ type: 'line', data: [3], yAxisIndex: 1 });
  });

  test('plan versus actual pairs planned and logged bars, leaving unplanned months without a planned bar', () => {
    const option = planVersusActualOption(
      [
        { month: '2024-01', planned: null, logged: 40 },
        { month: '2024-02', planned: 120, logged: 90 },
      ],
      'calendar month',
    );
    const series = option.series as Array<{ type: string; name: string; data: Array<number | string> }>;
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'Planned'],
      ['bar', 'Logged'],
    ]);
    expect(series[0]?.data).toEqual(['-', 120]);
    expect(series[1]?.data).toEqual([40, 90]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01', '2024-02']);
  });

  test('relationship months are filled from the first to the last with empty months', () => {
    const filled = fillRelationshipMonths(
      [
        { month: 2, minutes: 5 },
        { month: 4, minutes: 7 },
      ],
      (month) => ({ month, minutes: 0 }),
    );
    expect(filled).toEqual([
      { month: 1, minutes: 0 },
      { month: 2, minutes: 5 },
      { month: 3, minutes: 0 },
      { month: 4, minutes: 7 },
    ]);
  });
});
