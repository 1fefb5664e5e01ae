import type { Store } from '../../store/store.ts';
import { notFound } from '../../domain/errors.ts';
import { observationForm, type ObservationForm } from '../../domain/coaching/observation-form.ts';
import { publishedModel } from './model-version.ts';

/** The observation form of an engagement: generated from its model version's components and principles. */
export function readObservationForm(
  store: Store,
  organizationId: string,
  engagementId: string,
): Promise<ObservationForm> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const engagement = await tenant.engagements.find(engagementId);
    if (!engagement) throw notFound('Engagement');
    const model = await publishedModel(tenant, engagement.modelId, engagement.modelVersion, 'engagementId');
    return observationForm(model, { id: engagement.id, name: engagement.name });
  });
}
