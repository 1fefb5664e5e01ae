import { builtinModels } from '../../model/builtin/index.ts';
import type { TenantStore } from '../../store/store.ts';

/** Gives a new organization the models Praxis ships, so it can start logging at once. */
export async function installBuiltinModels(tenant: TenantStore): Promise<void> {
  for (const model of builtinModels) await tenant.models.insert(model, { builtin: true, publishedBy: null });
}
