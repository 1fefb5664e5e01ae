import type { Wave, WaveInput } from '../../domain/measurement/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkWave } from './wave-records.ts';

/** Plans a measurement occasion for an engagement; every instrument version it names must exist. */
export function createWave(
  store: Store,
  organizationId: string,
  engagementId: string,
  input: WaveInput,
  actor: string,
): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.require(engagementId);
    await checkWave(tenant, input);
    return tenant.waves.insert({ ...input, engagementId }, actor);
  });
}
