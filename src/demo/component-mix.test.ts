import { describe, expect, it } from 'vitest';
import { eisToc, ispProfile } from '../model/builtin/index.ts';
import type { PracticeModel } from '../model/schema.ts';
import { chooseComponents, componentWeights, earlyComponentIds } from './component-mix.ts';
import { createRandom } from './random.ts';

const weightOf = (model: PracticeModel, weights: number[], id: string): number =>
  weights[model.components.findIndex((c) => c.id === id)]!;

describe('earlyComponentIds', () => {
  it('takes the foundational and co-design groups when the model has them', () => {
    expect([...earlyComponentIds(eisToc)].sort()).toEqual(['assessing', 'co-designing', 'relating', 'tailoring']);
  });

  it('falls back to the first stage’s emphasis, then the first group, then the first third of the components', () => {
    expect([...earlyComponentIds(ispProfile)]).toEqual(ispProfile.stages[0]!.emphasizes);
    const noStages: PracticeModel = { ...ispProfile, stages: [] };
    expect([...earlyComponentIds(noStages)]).toEqual(
      ispProfile.components.filter((c) => c.group === ispProfile.componentGroups[0]!.id).map((c) => c.id),
    );
    const ungrouped: PracticeModel = {
      ...noStages,
      componentGroups: [],
      components: ispProfile.components.slice(0, 6).map((c) => ({ ...c, group: 'none' })),
    };
    expect([...earlyComponentIds(ungrouped)]).toEqual(ispProfile.components.slice(0, 2).map((c) => c.id));
    expect(earlyComponentIds({ ...ungrouped, components: [] }).size).toBe(0);
  });
});

describe('componentWeights', () => {
  const early = earlyComponentIds(eisToc);

  it('lets the ground-laying components outweigh the rest by far in the first month, and much less after a year', () => {
    const ratio = (month: number, stageId: string) => {
      const weights = componentWeights(eisToc, early, { relationshipMonth: month, stageId });
      return weightOf(eisToc, weights, 'relating') / weightOf(eisToc, weights, 'sustaining');
    };
    expect(ratio(1, 'readiness-exploration')).toBeGreaterThan(10);
    expect(ratio(18, 'supported-performance')).toBeLessThan(2);
    expect(ratio(6, 'readiness-exploration')).toBeLessThan(ratio(1, 'readiness-exploration'));
  });

  it('gives the current stage’s emphasized components more weight', () => {
    const inPerformance = componentWeights(eisToc, early, { relationshipMonth: 24, stageId: 'supported-performance' });
    const inRegulation = componentWeights(eisToc, early, { relationshipMonth: 24, stageId: 'local-regulation' });
    expect(weightOf(eisToc, inPerformance, 'coaching')).toBeGreaterThan(weightOf(eisToc, inRegulation, 'coaching'));
    expect(weightOf(eisToc, inRegulation, 'sustaining')).toBeGreaterThan(weightOf(eisToc, inPerformance, 'sustaining'));
    expect(componentWeights(eisToc, early, { relationshipMonth: 24, stageId: null }).every((w) => w > 0)).toBe(true);
  });
});

describe('chooseComponents', () => {
  it('picks one or two distinct components early and two to four later, with shares summing to one', () => {
    const random = createRandom(4);
    const early = earlyComponentIds(eisToc);
    for (let i = 0; i < 500; i++) {
      const month = 1 + (i % 48);
      const chosen = chooseComponents(random, eisToc, early, {
        relationshipMonth: month,
        stageId: 'capacity-development',
      });
      expect(new Set(chosen.map((c) => c.componentId)).size).toBe(chosen.length);
      expect(chosen.length).toBeGreaterThanOrEqual(month <= 12 ? 1 : 2);
      expect(chosen.length).toBeLessThanOrEqual(month <= 6 ? 2 : month <= 12 ? 3 : 4);
      expect(chosen.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 10);
    }
  });

  it('never picks more components than the model has', () => {
    const tiny: PracticeModel = { ...eisToc, components: eisToc.components.slice(0, 1) };
    const chosen = chooseComponents(createRandom(1), tiny, earlyComponentIds(tiny), {
      relationshipMonth: 30,
      stageId: null,
    });
    expect(chosen).toEqual([{ componentId: 'relating', share: 1 }]);
  });
});
