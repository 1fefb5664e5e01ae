import { describe, expect, test } from 'vitest';
import { countOf } from './count-of.ts';

describe('countOf', () => {
  test('uses the singular for one and the plural for every other count', () => {
    expect(countOf(1, 'response')).toBe('1 response');
    expect(countOf(2, 'response')).toBe('2 responses');
    expect(countOf(0, 'response')).toBe('0 responses');
  });

  test('takes an irregular plural and groups thousands', () => {
    expect(countOf(1, 'activity', 'activities')).toBe('1 activity');
    expect(countOf(1200, 'activity', 'activities')).toBe('1,200 activities');
  });
});
