import { raterAgreement, type CoachRating, type RaterAgreement } from '../../analysis/coaching/agreement.ts';
import { coachedBy } from '../../domain/coaching/coaches.ts';
import type { Store } from '../../store/store.ts';
import { supportTeams, type Viewer } from './access.ts';
import { selfRatingPoints } from './competency-points.ts';
import { practiceComponents } from './published-components.ts';

export interface CoachingAgreement extends RaterAgreement {
  /** Practitioners whose records went in: the viewer and those they coach. */
  practitioners: number;
  components: { id: string; name: string }[];
}

/**
 * Rater agreement over the coaching records the viewer may see (their own and those of the
 * practitioners they coach): coach against coach on the same interaction, self against coach.
 */
export function readCoachingAgreement(
  store: Store,
  organizationId: string,
  viewer: Viewer,
): Promise<CoachingAgreement> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const visible = coachedBy(viewer, await supportTeams(tenant));
    visible.add(viewer.userId);
    const ids = [...visible];
    const filter = { practitionerIds: ids };
    const coach: CoachRating[] = [];
    for (const r of await tenant.coaching.reviews.list(filter))
      for (const rating of r.ratings)
        if (rating.quality !== null)
          coach.push({
            unitId: `interaction:${r.interactionId}`,
            raterId: r.reviewerId,
            practitionerId: r.practitionerId,
            componentId: rating.componentId,
            date: r.createdAt,
            quality: rating.quality,
          });
    for (const o of await tenant.coaching.observations.list(filter))
      for (const rating of o.ratings)
        if (rating.quality !== null)
          coach.push({
            unitId: o.interactionId ? `interaction:${o.interactionId}` : `observation:${o.id}`,
            raterId: o.observerId,
            practitionerId: o.practitionerId,
            componentId: rating.componentId,
            date: o.createdAt,
            quality: rating.quality,
          });
    const components = [...(await practiceComponents(tenant)).values()].map((c) => ({ id: c.id, name: c.name }));
    return {
      practitioners: ids.length,
      components,
      ...raterAgreement(
        components.map((c) => c.id),
        coach,
        selfRatingPoints(await tenant.coaching.selfAssessments.list(filter)),
      ),
    };
  });
}
