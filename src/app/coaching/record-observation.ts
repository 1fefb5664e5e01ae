import { principleProblems, ratingProblems } from '../../domain/coaching/rating-rules.ts';
import type { Observation, ObservationInput } from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { requireCoach, requirePractitioner, type Viewer } from './access.ts';
import { publishedModel } from './model-version.ts';

/** Checks an observation against its engagement, practitioner, interaction and the engagement's model version. */
async function checkedObservation(tenant: TenantStore, viewer: Viewer, input: ObservationInput) {
  const engagement = await tenant.engagements.find(input.engagementId);
  if (!engagement)
    throw invalid('Unknown engagement', [
      { path: 'engagementId', message: `no engagement "${input.engagementId}" in this organization` },
    ]);
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  if (input.interactionId !== null) {
    const interaction = await tenant.interactions.find(input.interactionId);
    if (!interaction || interaction.engagementId !== engagement.id)
      throw invalid('Unknown interaction', [
        { path: 'interactionId', message: `no interaction "${input.interactionId}" in this engagement` },
      ]);
  }
  const model = await publishedModel(tenant, engagement.modelId, engagement.modelVersion, 'engagementId');
  const problems = [...ratingProblems(input.ratings, model), ...principleProblems(input.principles, model)];
  if (problems.length > 0) throw invalid('The observation does not fit the practice model', problems);
  return { modelId: model.id, modelVersion: model.version };
}

/** A coach records an observation of a practitioner's session on the form of the engagement's model version. */
export function recordObservation(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: ObservationInput,
): Promise<Observation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const model = await checkedObservation(tenant, viewer, input);
    return tenant.coaching.observations.insert({ ...input, ...model, observerId: viewer.userId }, viewer.userId);
  });
}

/** The observer (or an admin who coaches the practitioner) changes an observation; a stale version gets 409. */
export function updateObservation(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: ObservationInput,
): Promise<Observation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.observations.require(id);
    await requireCoach(tenant, viewer, before.practitionerId, 'practitionerId');
    const model = await checkedObservation(tenant, viewer, input);
    const { after } = await tenant.coaching.observations.update(
      id,
      version,
      { ...input, ...model, observerId: before.observerId },
      viewer.userId,
    );
    return after;
  });
}
