import { DEFAULT_THEME, luminance, mergeMantineTheme } from '@mantine/core';
import { describe, expect, test } from 'vitest';
import { cssVariablesResolver, theme } from './theme.ts';

const ratio = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe('the theme’s colours', () => {
  test('reach WCAG AA (4.5:1) for coloured text, light badges and filled buttons', () => {
    const merged = mergeMantineTheme(DEFAULT_THEME, theme);
    const { light } = cssVariablesResolver(merged);
    for (const [name, shades] of Object.entries(merged.colors)) {
      if (name === 'dark') continue;
      expect(ratio(light[`--mantine-color-${name}-text`]!, '#ffffff'), `${name} text`).toBeGreaterThanOrEqual(4.5);
      expect(ratio(light[`--mantine-color-${name}-light-color`]!, shades[1]), `${name} light`).toBeGreaterThanOrEqual(
        4.5,
      );
      expect(ratio(light[`--mantine-color-${name}-filled`]!, '#ffffff'), `${name} filled`).toBeGreaterThanOrEqual(4.5);
    }
    expect(ratio(light['--mantine-color-error']!, '#ffffff'), 'field error').toBeGreaterThanOrEqual(4.5);
    // Mantine's own shade 7 on white falls short for teal: the test would fail without the resolver.
    expect(ratio(merged.colors.teal[7], '#ffffff')).toBeLessThan(4.5);
  });
});
