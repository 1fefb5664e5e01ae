import type { StagePlan } from '../../domain/plans/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Soft-deletes a stage plan (it can be restored); a given `version` guards against a stale delete. */
export function deleteStagePlan(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<StagePlan> {
  return store.transaction((tx) => tx.tenant(organizationId).stagePlans.softDelete(id, version, actor));
}
