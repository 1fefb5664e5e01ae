import { describe, expect, it } from 'vitest';
import { eisToc } from '../model/builtin/index.ts';
import { generateDemoCoaching } from './coaching.ts';
import { DEMO_SEED, generateDemo } from './generate.ts';

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

describe('the demo coaching', () => {
  const dataset = generateDemo({ seed: DEMO_SEED, model: eisToc, currentMonth: '2026-12' });
  const coaching = generateDemoCoaching(dataset, eisToc, DEMO_SEED);
  const dates = dataset.interactions.map((i) => i.date).sort();
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const third = (Date.parse(last) - Date.parse(first)) / 3;
  const early = (date: string) => Date.parse(date) < Date.parse(first) + third;
  const late = (date: string) => Date.parse(date) >= Date.parse(last) - third;

  it('rates practice higher over time, per practitioner, in reviews and self-assessments alike', () => {
    expect(coaching.reviews.length).toBeGreaterThan(20);
    expect(coaching.observations.length).toBeGreaterThan(0);
    for (const practitioner of dataset.practitioners) {
      const qualities = (keep: (date: string) => boolean) =>
        coaching.reviews
          .filter((r) => dataset.interactions[r.interactionIndex]!.loggedByKey === practitioner.key)
          .filter((r) => keep(dataset.interactions[r.interactionIndex]!.date))
          .flatMap((r) => r.ratings.map((rating) => rating.quality!));
      const [before, after] = [qualities(early), qualities(late)];
      if (before.length < 5 || after.length < 5) continue;
      expect(mean(after) - mean(before), practitioner.key).toBeGreaterThan(0.4);
    }
    const all = (keep: (date: string) => boolean) =>
      coaching.reviews
        .filter((r) => keep(dataset.interactions[r.interactionIndex]!.date))
        .flatMap((r) => r.ratings.map((rating) => rating.quality!));
    expect(mean(all(late)) - mean(all(early))).toBeGreaterThan(1);
    const selfRatings = (keep: (date: string) => boolean) =>
      coaching.selfAssessments.filter((a) => keep(a.date)).flatMap((a) => Object.values(a.ratings));
    expect(mean(selfRatings(late)) - mean(selfRatings(early))).toBeGreaterThan(0.5);
  });

  it('rates only components and activities the interaction used, on the 1–5 scale', () => {
    for (const review of [...coaching.reviews, ...coaching.observations]) {
      const interaction = dataset.interactions[review.interactionIndex]!;
      expect(review.ratings.map((r) => r.componentId)).toEqual(interaction.components.map((c) => c.componentId));
      for (const rating of review.ratings) {
        expect(rating.quality).toBeGreaterThanOrEqual(1);
        expect(rating.quality).toBeLessThanOrEqual(5);
        const used = interaction.components.find((c) => c.componentId === rating.componentId)!.activityIds;
        expect(rating.activities.map((a) => a.activityId)).toEqual(used);
      }
    }
  });
});
