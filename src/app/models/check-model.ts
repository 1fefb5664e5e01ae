import { validateModel, validateSuccessor, type ModelValidation } from '../../model/validate.ts';
import type { TenantStore } from '../../store/store.ts';

/** Validates a document as it would be published: as a new model, or as the next version of an existing one. */
export async function checkModel(tenant: TenantStore, document: unknown): Promise<ModelValidation> {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  const line = typeof id === 'string' ? await tenant.models.versionsOf(id) : [];
  const latest = line.at(-1);
  return latest ? validateSuccessor(latest, document) : validateModel(document);
}
