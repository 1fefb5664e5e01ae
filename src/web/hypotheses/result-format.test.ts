import { describe, expect, it } from 'vitest';
import { formatInterval, formatP, formatStatistic } from './result-format.ts';

describe('result formatting', () => {
  it('never shows NaN', () => {
    expect(formatStatistic(Number.NaN)).toBe('—');
    expect(formatStatistic(null)).toBe('—');
    expect(formatStatistic(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatP(Number.NaN)).toBe('not available');
  });
  it('rounds to four significant digits and switches to exponents for tiny values', () => {
    expect(formatStatistic(0.123456)).toBe('0.1235');
    expect(formatStatistic(12.3456)).toBe('12.35');
    expect(formatStatistic(0.0000123)).toBe('1.23e-5');
    expect(formatStatistic(0)).toBe('0');
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.04567)).toBe('0.046');
    expect(formatInterval({ name: 'rho', value: 0.5, ci: { level: 0.95, lower: -0.2, upper: 0.87654 } })).toBe(
      '95% CI -0.2 to 0.8765',
    );
    expect(formatInterval({ name: 'rho', value: 0.5, ci: null })).toBe('no interval');
  });
});
