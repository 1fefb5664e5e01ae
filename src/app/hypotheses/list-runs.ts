import type { HypothesisRun } from '../../domain/hypotheses/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

export async function listRuns(tenant: TenantStore, id: string): Promise<HypothesisRun[]> {
  await tenant.hypotheses.require(id);
  return tenant.hypothesisRuns.listFor(id);
}
