import type { Wave } from '../../domain/measurement/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

export function restoreWave(store: Store, organizationId: string, id: string, actor: string): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(id, { includeDeleted: true });
    if (!(await tenant.engagements.find(wave.engagementId)))
      throw invalid('Restore the engagement first', [{ path: 'engagementId', message: 'the engagement is deleted' }]);
    return tenant.waves.restore(id, actor);
  });
}
