import type {
  CoachingSession,
  DevelopmentGoal,
  Observation,
  Review,
  SelfAssessment,
} from '../../domain/coaching/schemas.ts';
import { modelLabels, type ModelLabels } from '../../domain/coaching/model-labels.ts';
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
  /** The labels of each model version the reviews and observations were rated on. */
  models: ModelLabels[];
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
    const reviews = await tenant.coaching.reviews.list(filter);
    const observations = await tenant.coaching.observations.list(filter);
    const versions = new Map([...reviews, ...observations].map((r) => [`${r.modelId}@${r.modelVersion}`, r]));
    const models: ModelLabels[] = [];
    for (const { modelId, modelVersion } of versions.values()) {
      const model = await tenant.models.find(modelId, modelVersion);
      if (model) models.push(modelLabels(model));
    }
    return {
      practitioner: { userId: member.userId, name: member.name },
      reviews,
      observations,
      sessions: await tenant.coaching.sessions.list(filter),
      goals: await tenant.coaching.goals.list(filter),
      selfAssessments: await tenant.coaching.selfAssessments.list(filter),
      models,
    };
  });
}
