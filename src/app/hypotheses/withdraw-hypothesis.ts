import { assertWithdrawable } from '../../domain/hypotheses/lifecycle.ts';
import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { dataOf } from './hypothesis-records.ts';
import { showHypothesis } from './show-hypothesis.ts';

/** Withdraws a hypothesis with a reason; it keeps its history and runs but is run no more. */
export function withdrawHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  reason: string,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertWithdrawable(current);
    await tenant.hypotheses.update(
      id,
      version,
      { ...dataOf(current), status: 'withdrawn', withdrawnAt: nowIso(), withdrawnBy: actor, withdrawalReason: reason },
      actor,
    );
    return showHypothesis(tenant, id);
  });
}
