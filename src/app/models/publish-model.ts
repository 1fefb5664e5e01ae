import type { PublishedModel } from '../../domain/models.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { checkModel } from './check-model.ts';

/** Publishes a model version. Earlier versions stay readable; records keep pointing at the version they were logged under. */
export async function publishModel(
  store: Store,
  organizationId: string,
  document: unknown,
  actor: string | null,
): Promise<PublishedModel> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const verdict = await checkModel(tenant, document);
    if (!verdict.valid || !verdict.model) throw invalid('The model is not valid', verdict.errors);
    const stored = await tenant.models.insert(verdict.model, { builtin: false, publishedBy: actor });
    await tenant.recordHistory({
      entity: 'practice_model',
      entityId: `${stored.modelId}@${stored.version}`,
      action: 'create',
      actor,
      changes: { name: stored.name },
    });
    return {
      id: stored.modelId,
      version: stored.version,
      name: stored.name,
      publishedAt: stored.publishedAt,
      warnings: verdict.warnings,
    };
  });
}
