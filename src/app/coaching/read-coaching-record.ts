import type {
  CoachingSession,
  DevelopmentGoal,
  Observation,
  Review,
  SelfAssessment,
} from '../../domain/coaching/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';

export interface CoachingRecord {
  practitioner: { userId: string; name: string };
  reviews: Review[];
  observations: Observation[];
  sessions: CoachingSession[];
  goals: DevelopmentGoal[];
  selfAssessments: SelfAssessment[];
}

/** A practitioner's whole coaching record, oldest first, to the practitioner, their coaches and admins. */
export function readCoachingRecord(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  practitionerId: string,
): Promise<CoachingRecord> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    await requireVisible(tenant, viewer, practitionerId, 'Practitioner');
    const member = await tenant.members.find(practitionerId);
    if (!member) throw notFound('Practitioner');
    const filter = { practitionerIds: [practitionerId] };
    return {
      practitioner: { userId: member.userId, name: member.name },
      reviews: await tenant.coaching.reviews.list(filter),
      observations: await tenant.coaching.observations.list(filter),
      sessions: await tenant.coaching.sessions.list(filter),
      goals: await tenant.coaching.goals.list(filter),
      selfAssessments: await tenant.coaching.selfAssessments.list(filter),
    };
  });
}
