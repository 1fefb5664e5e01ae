import { describe, expect, test } from 'vitest';
import { componentMixOption } from './options.ts';
import { renderChartSvg } from './ssr.ts';

describe('renderChartSvg', () => {
  test('draws a stacked component mix to an SVG document in Node', () => {
    const option = componentMixOption(
      [
        {
          month: '1',
          components: [
            { componentId: 'relating', minutes: 30 },
            { componentId: 'assessing', minutes: 20 },
          ],
        },
        { month: '2', components: [{ componentId: 'relating', minutes: 10 }] },
      ],
      [
        { id: 'relating', name: 'Building relationships', group: 'foundational' },
        { id: 'assessing', name: 'Assessing context', group: 'foundational' },
      ],
      [{ id: 'foundational', name: 'Foundational' }],
      'month of relationship',
    );
    const svg = renderChartSvg(option, 640, 320);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('Building relationships');
    // One bar path per non-zero value.
    expect((svg.match(/<path d="M\S+ \S+L/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });
});
