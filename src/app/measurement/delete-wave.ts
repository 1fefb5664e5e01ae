import type { Wave } from '../../domain/measurement/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Deletes a wave (soft): its links stop working and its scores leave the trajectories until it is restored. */
export function deleteWave(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Wave> {
  return store.transaction((tx) => tx.tenant(organizationId).waves.softDelete(id, version, actor));
}
