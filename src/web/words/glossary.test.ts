import { describe, expect, test } from 'vitest';
import { hypothesisTests } from '../../domain/hypotheses/registration.ts';
import { glossary, termOfLabel, testTerms } from './glossary.ts';

describe('the glossary', () => {
  test('explains each term in sentences that begin with a capital and end with a stop', () => {
    for (const [term, explanation] of Object.entries(glossary)) {
      expect(explanation, term).toMatch(/^[A-Z0-9“"(].*[.)]$/s);
    }
  });

  test('has a term for every registered hypothesis test, REML among them', () => {
    for (const test of hypothesisTests) expect(testTerms[test].length, test).toBeGreaterThan(0);
    expect(testTerms['lmm-reml']).toContain('REML');
  });

  test('finds the term a statistic is labelled with', () => {
    expect(termOfLabel('ICC (engagement)')).toBe('ICC');
    expect(termOfLabel('R²')).toBeUndefined();
  });
});
