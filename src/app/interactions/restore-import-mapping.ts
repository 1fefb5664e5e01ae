import type { SavedImportMapping } from '../../domain/support/import-mapping.ts';
import type { Store } from '../../store/store.ts';

/** Restores a deleted import mapping. */
export function restoreImportMapping(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<SavedImportMapping> {
  return store.transaction((tx) => tx.tenant(organizationId).importMappings.restore(id, actor));
}
