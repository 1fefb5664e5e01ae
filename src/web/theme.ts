import { Anchor, Breadcrumbs, Code, createTheme, darken, luminance, TableScrollContainer } from '@mantine/core';
import type { CSSVariablesResolver, MantineTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Indigo 6 under white text reaches 4.3:1, short of WCAG AA's 4.5:1; indigo 7 reaches 5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  // Focus rings show for keyboard users, not on mouse clicks.
  focusRing: 'auto',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // A link inside a sentence must differ from it by more than colour (WCAG 1.4.1): always underlined.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A trail of long record names wraps on a phone instead of widening the page.
    Breadcrumbs: Breadcrumbs.extend({
      styles: { root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere' } },
    }),
    // Ids and hashes break anywhere rather than push the page wider than a phone.
    Code: Code.extend({ styles: { root: { overflowWrap: 'anywhere' } } }),
    // A table that scrolls sideways on a phone must be scrollable from the keyboard too.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color`, darkened in small steps until it reaches WCAG AA (4.5:1, with a margin) against `background`. */
function readable(color: string, background: string): string {
  let amount = 0;
  let result = color;
  while (contrast(result, background) < 4.6 && amount < 0.9) {
    amount += 0.05;
    result = darken(color, amount);
  }
  return result;
}

/**
 * Mantine's own colours fall short of WCAG AA in places: coloured text in shade 7 on white (red 3.9:1,
 * teal 3.4:1), light badges in shade 9 on shade 1 (orange 3.6:1, teal 4.3:1), white on filled teal or
 * red, dimmed or placeholder text in gray 6 (3.3:1), and a field's error in red 6 (3.3:1). Each is
 * darkened just enough to reach 4.5:1 against the background it is drawn on, keeping its hue.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved: MantineTheme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark') continue;
    light[`--mantine-color-${name}-text`] = readable(shades[7], '#ffffff');
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[1]);
    light[`--mantine-color-${name}-filled`] = readable(shades[7], '#ffffff');
    light[`--mantine-color-${name}-outline`] = readable(shades[7], '#ffffff');
  }
  light['--mantine-color-error'] = light['--mantine-color-red-text']!;
  return { variables: {}, light, dark: {} };
};
