import type { ActivityRatingValue, ComponentRating } from '../domain/coaching/schemas.ts';
import type { PracticeModel } from '../model/schema.ts';
import type { DemoDataset } from './dataset.ts';
import { createRandom } from './random.ts';

/** Synthetic coaching of the demo practitioners, clearly labelled: reviews, observations and self-assessments. */
export interface DemoCoaching {
  reviews: { interactionIndex: number; ratings: ComponentRating[]; feedback: string }[];
  observations: { interactionIndex: number; ratings: ComponentRating[]; notes: string }[];
  selfAssessments: { practitionerKey: string; date: string; ratings: Record<string, number> }[];
}

const clamp = (q: number): number => Math.max(1, Math.min(5, Math.round(q)));

/**
 * Every demo practitioner's interactions, sampled about one in twelve, are reviewed; one in forty are
 * observed; each practitioner assesses themself every six months. Quality ratings rise over time (from
 * about 2 to about 4 across the demo's window) with noise, so the competency views show growth.
 */
export function generateDemoCoaching(dataset: DemoDataset, model: PracticeModel, seed: number): DemoCoaching {
  const random = createRandom(seed + 13);
  const dates = dataset.interactions.map((i) => i.date).sort();
  const first = Date.parse(dates[0] ?? '2024-01-01');
  const last = Date.parse(dates.at(-1) ?? '2024-01-01');
  const progress = (date: string): number => (last > first ? (Date.parse(date) - first) / (last - first) : 0);
  const quality = (date: string): number => clamp(2 + 2 * progress(date) + random.between(-0.6, 0.6));
  const activityRating = (q: number): ActivityRatingValue => {
    const r = random.next();
    if (r < 0.2 + 0.15 * q) return 'as-defined';
    if (r < 0.85) return 'partly';
    return 'not-done';
  };
  const ratingsOf = (interaction: DemoDataset['interactions'][number]): ComponentRating[] =>
    interaction.components.map((c) => {
      const q = quality(interaction.date);
      return {
        componentId: c.componentId,
        quality: q,
        activities: c.activityIds.map((activityId) => ({ activityId, rating: activityRating(q) })),
        comment: '',
      };
    });

  const coaching: DemoCoaching = { reviews: [], observations: [], selfAssessments: [] };
  dataset.interactions.forEach((interaction, index) => {
    if (interaction.components.length === 0) return;
    const draw = random.next();
    if (draw < 1 / 40)
      coaching.observations.push({
        interactionIndex: index,
        ratings: ratingsOf(interaction),
        notes: 'Synthetic demo observation: the session followed the plan; partners led part of the discussion.',
      });
    else if (draw < 1 / 12)
      coaching.reviews.push({
        interactionIndex: index,
        ratings: ratingsOf(interaction),
        feedback:
          'Synthetic demo feedback: clear link between the activities and the partner’s goals; name the next step and its owner before closing.',
      });
  });
  for (const practitioner of dataset.practitioners) {
    const mine = dataset.interactions.filter((i) => i.loggedByKey === practitioner.key).map((i) => i.date);
    if (mine.length === 0) continue;
    for (let t = Date.parse(mine.sort()[0]!); t <= last; t += 182 * 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      coaching.selfAssessments.push({
        practitionerKey: practitioner.key,
        date,
        ratings: Object.fromEntries(
          model.components.map((c) => [c.id, clamp(2.5 + 1.5 * progress(date) + random.between(-0.7, 0.7))]),
        ),
      });
    }
  }
  return coaching;
}
