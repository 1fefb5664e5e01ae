import type { CoachRatingPoint, SelfRatingPoint } from '../../analysis/coaching/competency.ts';
import type { Observation, Review, SelfAssessment } from '../../domain/coaching/schemas.ts';

/** The coaches' quality ratings of reviews and observations, as dated points. */
export function coachRatingPoints(
  reviews: readonly Review[],
  observations: readonly Observation[],
): CoachRatingPoint[] {
  const points: CoachRatingPoint[] = [];
  for (const r of reviews)
    for (const rating of r.ratings)
      if (rating.quality !== null)
        points.push({
          practitionerId: r.practitionerId,
          componentId: rating.componentId,
          date: r.interactionDate,
          quality: rating.quality,
          source: 'review',
          sourceId: r.id,
        });
  for (const o of observations)
    for (const rating of o.ratings)
      if (rating.quality !== null)
        points.push({
          practitionerId: o.practitionerId,
          componentId: rating.componentId,
          date: o.date,
          quality: rating.quality,
          source: 'observation',
          sourceId: o.id,
        });
  return points;
}

/** The self-assessments' ratings, as dated points. */
export function selfRatingPoints(assessments: readonly SelfAssessment[]): SelfRatingPoint[] {
  return assessments.flatMap((a) =>
    Object.entries(a.ratings).map(([componentId, rating]) => ({
      practitionerId: a.practitionerId,
      componentId,
      date: a.date,
      rating,
    })),
  );
}
