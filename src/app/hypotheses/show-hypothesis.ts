import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { withLatestRun } from './hypothesis-records.ts';

export async function showHypothesis(tenant: TenantStore, id: string): Promise<Hypothesis> {
  const [hypothesis] = await withLatestRun(tenant, [await tenant.hypotheses.require(id)]);
  return hypothesis!;
}
