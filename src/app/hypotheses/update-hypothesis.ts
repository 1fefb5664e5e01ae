import { assertEditable } from '../../domain/hypotheses/lifecycle.ts';
import { type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkRegistration, dataOf } from './hypothesis-records.ts';
import { showHypothesis } from './show-hypothesis.ts';

/** Replaces a draft's registration; a locked or withdrawn hypothesis is refused with 409. */
export function updateHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  registration: HypothesisRegistration,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertEditable(current);
    await checkRegistration(tenant, registration);
    await tenant.hypotheses.update(id, version, { ...dataOf(current), registration }, actor);
    return showHypothesis(tenant, id);
  });
}
