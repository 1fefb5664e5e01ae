import type { SavedImportMapping } from '../../domain/support/import-mapping.ts';
import type { Store } from '../../store/store.ts';

/** Soft-deletes a saved import mapping (it can be restored). */
export function deleteImportMapping(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<SavedImportMapping> {
  return store.transaction((tx) => tx.tenant(organizationId).importMappings.softDelete(id, version, actor));
}
