import { describe, expect, it } from 'vitest';
import { eisToc } from '../model/builtin/index.ts';
import { relationshipMonth } from '../domain/support/months.ts';
import { demoWindow } from './demo-window.ts';
import { DEMO_SEED, generateDemo } from './generate.ts';
import { generateOutcomeMeasurements } from './outcome-measurements.ts';

describe('synthetic demo measurements', () => {
  const currentMonth = new Date().toISOString().slice(0, 7);
  const { end } = demoWindow(currentMonth);
  const dataset = generateDemo({ seed: DEMO_SEED, model: eisToc, currentMonth });
  const plans = generateOutcomeMeasurements(dataset, { seed: DEMO_SEED, end });

  it('is deterministic and clearly named synthetic', () => {
    expect(generateOutcomeMeasurements(dataset, { seed: DEMO_SEED, end })).toEqual(plans);
    expect(generateOutcomeMeasurements(dataset, { seed: DEMO_SEED + 1, end })).not.toEqual(plans);
    expect(new Set(plans.map((p) => p.name))).toEqual(new Set(['Baseline (synthetic)', 'Month 6 (synthetic)']));
  });

  it('gives enough engagements a baseline and a month-6 wave with valid AIM answers', () => {
    const starts = new Map(dataset.engagements.map((e) => [e.key, e.startDate]));
    const followUps = plans.filter((p) => p.kind === 'follow-up');
    expect(followUps.length).toBeGreaterThanOrEqual(10);
    for (const plan of followUps) expect(relationshipMonth(starts.get(plan.engagementKey)!, plan.scheduledOn)).toBe(6);
    expect(plans.every((p) => p.scheduledOn <= end)).toBe(true);
    const values = plans.flatMap((p) => p.responses.flatMap((r) => Object.values(r.answers['aim-support']!)));
    expect(values.every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
  });
});
