import { type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkRegistration } from './hypothesis-records.ts';
import { showHypothesis } from './show-hypothesis.ts';

/** Registers a draft: checked against its model, editable until locked. */
export function registerHypothesis(
  store: Store,
  organizationId: string,
  registration: HypothesisRegistration,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkRegistration(tenant, registration);
    const created = await tenant.hypotheses.insert(
      {
        createdBy: actor,
        status: 'draft',
        registration,
        lockedAt: null,
        lockedBy: null,
        contentHash: null,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      },
      actor,
    );
    return showHypothesis(tenant, created.id);
  });
}
