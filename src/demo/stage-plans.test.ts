import { describe, expect, it } from 'vitest';
import { planVersusActual } from '../analysis/plans/plan-versus-actual.ts';
import { StagePlanInput } from '../domain/plans/schemas.ts';
import { eisToc } from '../model/builtin/index.ts';
import { shiftMonth } from '../domain/support/months.ts';
import { demoWindow } from './demo-window.ts';
import { DEMO_SEED, generateDemo } from './generate.ts';
import { generateStagePlans } from './stage-plans.ts';

const currentMonth = '2026-12';
const dataset = generateDemo({ seed: DEMO_SEED, model: eisToc, currentMonth });
const plans = generateStagePlans(dataset, eisToc, currentMonth);
const lastMonth = demoWindow(currentMonth).end.slice(0, 7);

describe('the demo stage plans', () => {
  it('are the same for the same dataset and valid stage plans of the engagement’s current stage', () => {
    expect(generateStagePlans(dataset, eisToc, currentMonth)).toEqual(plans);
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const { engagementKey, pattern: _pattern, activities, ...plan } of plans) {
      const engagement = dataset.engagements.find((e) => e.key === engagementKey)!;
      expect(plan.stageId).toBe(engagement.stages.at(-1)!.stageId);
      const parsed = StagePlanInput.safeParse({
        ...plan,
        engagementId: 'e',
        activities: activities.map(({ ownerKey, ...a }) => ({ ...a, ownerId: ownerKey })),
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('put some engagements on plan and leave others short of it, over their last three months', () => {
    const shareOfPlan = plans.map((plan) => {
      const engagement = dataset.engagements.find((e) => e.key === plan.engagementKey)!;
      const logged = dataset.interactions
        .filter((i) => i.engagementKey === plan.engagementKey)
        .flatMap((i) => i.components.map((c) => ({ calendarMonth: i.date.slice(0, 7), ...c })));
      const months = planVersusActual({
        months: [shiftMonth(lastMonth, -2), shiftMonth(lastMonth, -1), lastMonth],
        stages: engagement.stages,
        plans: [{ ...plan, activities: [] }],
        logged,
        today: `${currentMonth}-07`,
      }).months;
      // Only the planned components: minutes of others are logged but not planned.
      const planned = months.flatMap((m) => m.components.filter((c) => c.planned > 0));
      const sum = (key: 'planned' | 'logged') => planned.reduce((total, c) => total + c[key], 0);
      return { pattern: plan.pattern, share: sum('logged') / sum('planned') };
    });
    const drifting = shareOfPlan.filter((p) => p.pattern === 'drifting');
    expect(drifting.length).toBeGreaterThan(0);
    expect(drifting.every((p) => p.share < 0.5)).toBe(true);
    const onPlan = shareOfPlan.filter((p) => p.pattern === 'on plan');
    expect(onPlan.every((p) => p.share >= 0.5)).toBe(true);
    expect(plans.some((p) => p.pattern === 'component unused')).toBe(true);
  });
});
