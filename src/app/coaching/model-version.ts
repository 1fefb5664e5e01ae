import { invalid } from '../../domain/errors.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';

/** A published model version of the organization; an unknown one is refused naming `field`. */
export async function publishedModel(
  tenant: TenantStore,
  modelId: string,
  version: string,
  field: string,
): Promise<PracticeModel> {
  const model = await tenant.models.find(modelId, version);
  if (!model)
    throw invalid('Unknown practice model version', [
      { path: field, message: `model ${modelId}@${version} is not published in this organization` },
    ]);
  return model;
}
