import { recordObservation } from '../app/coaching/record-observation.ts';
import { recordSelfAssessment } from '../app/coaching/record-self-assessment.ts';
import { reviewInteraction } from '../app/coaching/review-interaction.ts';
import type { PracticeModel } from '../model/schema.ts';
import type { Store } from '../store/store.ts';
import { generateDemoCoaching } from './coaching.ts';
import type { DemoDataset } from './dataset.ts';

/**
 * Saves the demo's synthetic coaching through the same use cases as the app: the demo lead reviews and
 * observes the demo practitioner login, the demo admin everyone else.
 */
export async function seedDemoCoaching(
  store: Store,
  organizationId: string,
  dataset: DemoDataset,
  model: PracticeModel,
  seed: number,
  ids: {
    interactionIds: string[];
    engagementIds: Map<string, string>;
    userIds: Map<string, string>;
    lead: string;
    admin: string;
  },
): Promise<void> {
  const coaching = generateDemoCoaching(dataset, model, seed);
  const coachOf = (practitionerKey: string) =>
    practitionerKey === 'isp-1'
      ? { userId: ids.lead, role: 'lead' as const }
      : { userId: ids.admin, role: 'admin' as const };
  for (const review of coaching.reviews) {
    const interaction = dataset.interactions[review.interactionIndex]!;
    await reviewInteraction(store, organizationId, coachOf(interaction.loggedByKey), {
      interactionId: ids.interactionIds[review.interactionIndex]!,
      ratings: review.ratings,
      feedback: review.feedback,
    });
  }
  for (const observation of coaching.observations) {
    const interaction = dataset.interactions[observation.interactionIndex]!;
    await recordObservation(store, organizationId, coachOf(interaction.loggedByKey), {
      engagementId: ids.engagementIds.get(interaction.engagementKey)!,
      practitionerId: ids.userIds.get(interaction.loggedByKey)!,
      interactionId: ids.interactionIds[observation.interactionIndex]!,
      date: interaction.date,
      ratings: observation.ratings,
      principles: interaction.principles.map((p) => ({ principleId: p.principleId, observed: 'evident', note: '' })),
      notes: observation.notes,
    });
  }
  for (const assessment of coaching.selfAssessments) {
    const practitionerId = ids.userIds.get(assessment.practitionerKey)!;
    await recordSelfAssessment(
      store,
      organizationId,
      { userId: practitionerId, role: 'practitioner' },
      { date: assessment.date, modelId: model.id, modelVersion: model.version, ratings: assessment.ratings },
    );
  }
}
