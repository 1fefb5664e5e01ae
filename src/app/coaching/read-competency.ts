import { competencySeries, type ComponentCompetency } from '../../analysis/coaching/competency.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';
import { coachRatingPoints, selfRatingPoints } from './competency-points.ts';
import { practiceComponents } from './published-components.ts';

export interface PractitionerCompetency {
  practitioner: { userId: string; name: string };
  components: (ComponentCompetency & { name: string })[];
}

/**
 * A practitioner's competency over time: per component of the organization's models, the coaches'
 * ratings, the self-assessments and the minutes practised per month.
 */
export function readCompetency(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  practitionerId: string,
): Promise<PractitionerCompetency> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    await requireVisible(tenant, viewer, practitionerId, 'Practitioner');
    const member = await tenant.members.find(practitionerId);
    if (!member) throw notFound('Practitioner');
    const filter = { practitionerIds: [practitionerId] };
    const components = await practiceComponents(tenant);
    const series = competencySeries(
      practitionerId,
      [...components.keys()],
      coachRatingPoints(await tenant.coaching.reviews.list(filter), await tenant.coaching.observations.list(filter)),
      selfRatingPoints(await tenant.coaching.selfAssessments.list(filter)),
      await tenant.coaching.practice.minutesByMonth([practitionerId]),
    );
    return {
      practitioner: { userId: practitionerId, name: member.name },
      components: series
        .filter((c) => c.coachRatings.length + c.selfRatings.length + c.minutesByMonth.length > 0)
        .map((c) => ({ ...c, name: components.get(c.componentId)?.name ?? c.componentId })),
    };
  });
}
