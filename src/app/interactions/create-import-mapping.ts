import type { ImportMapping, SavedImportMapping } from '../../domain/support/import-mapping.ts';
import type { Store } from '../../store/store.ts';

/** Saves an import mapping in the organization (docs/import-mapping.md). */
export function createImportMapping(
  store: Store,
  organizationId: string,
  mapping: ImportMapping,
  actor: string,
): Promise<SavedImportMapping> {
  return store.transaction((tx) => tx.tenant(organizationId).importMappings.insert(mapping, actor));
}
