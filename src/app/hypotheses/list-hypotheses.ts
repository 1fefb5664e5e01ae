import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { withLatestRun } from './hypothesis-records.ts';

export async function listHypotheses(tenant: TenantStore, filter: { modelId?: string } = {}): Promise<Hypothesis[]> {
  return withLatestRun(tenant, await tenant.hypotheses.list(filter));
}
