import { practiceKey, sixMonthsBefore, teamCompetency, type TeamCell } from '../../analysis/coaching/competency.ts';
import { coachedBy } from '../../domain/coaching/coaches.ts';
import type { Store } from '../../store/store.ts';
import { supportTeams, type Viewer } from './access.ts';
import { coachRatingPoints, selfRatingPoints } from './competency-points.ts';
import { practiceComponents } from './published-components.ts';

export interface TeamCompetency {
  /** Practice in the window from `since` to today counts as recent. */
  since: string;
  practitioners: { userId: string; name: string }[];
  components: { id: string; name: string }[];
  cells: TeamCell[];
}

/**
 * The team view for a coach: every practitioner they coach × every component, with the latest coach
 * rating, its change since the previous one, the latest self-rating and the minutes of the last six months.
 */
export function readTeamCompetency(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  today: string,
): Promise<TeamCompetency> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const coached = coachedBy(viewer, await supportTeams(tenant));
    const members = (await tenant.members.list()).filter(
      (m) => coached.has(m.userId) && (m.role === 'practitioner' || m.role === 'lead' || m.role === 'admin'),
    );
    const ids = members.map((m) => m.userId);
    const components = await practiceComponents(tenant);
    const since = sixMonthsBefore(today);
    const filter = { practitionerIds: ids };
    const recent = new Map<string, number>();
    for (const row of await tenant.coaching.practice.minutesSince(ids, since))
      recent.set(practiceKey(row.practitionerId, row.componentId), row.minutes);
    return {
      since,
      practitioners: members.map((m) => ({ userId: m.userId, name: m.name })),
      components: [...components.values()].map((c) => ({ id: c.id, name: c.name })),
      cells: teamCompetency(
        ids,
        [...components.keys()],
        coachRatingPoints(await tenant.coaching.reviews.list(filter), await tenant.coaching.observations.list(filter)),
        selfRatingPoints(await tenant.coaching.selfAssessments.list(filter)),
        recent,
      ),
    };
  });
}
