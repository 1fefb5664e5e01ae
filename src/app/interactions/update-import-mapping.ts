import type { ImportMapping, SavedImportMapping } from '../../domain/support/import-mapping.ts';
import type { Store } from '../../store/store.ts';

/** Replaces a saved import mapping; a stale `version` is refused with 409. */
export function updateImportMapping(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  mapping: ImportMapping,
  actor: string,
): Promise<SavedImportMapping> {
  return store.transaction(
    async (tx) => (await tx.tenant(organizationId).importMappings.update(id, version, mapping, actor)).after,
  );
}
