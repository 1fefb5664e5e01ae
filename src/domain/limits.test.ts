import { describe, expect, it } from 'vitest';
import { hypothesisCovariates } from './hypotheses/registration.ts';
import { limits } from '../model/limits.ts';

describe('limits', () => {
  it('let what Praxis generates from a model within its limits stay within theirs', () => {
    // The ISP self-assessment: an item and a score per component, and one overall score.
    expect(limits.instrumentItems.max).toBeGreaterThanOrEqual(limits.modelComponents.max);
    expect(limits.instrumentScores.max).toBeGreaterThanOrEqual(limits.modelComponents.max + 1);
    expect(limits.scoreItems.max).toBeGreaterThanOrEqual(limits.modelComponents.max);
  });

  it('allow each covariate once', () => {
    expect(limits.hypothesisCovariates.max).toBe(hypothesisCovariates.length);
  });
});
