import { registrationHash } from '../../domain/hypotheses/content-hash.ts';
import { assertLockable } from '../../domain/hypotheses/lifecycle.ts';
import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { checkRegistration, dataOf } from './hypothesis-records.ts';
import { showHypothesis } from './show-hypothesis.ts';

/** Locks a draft: records the time and the SHA-256 of its canonical JSON; it never changes after. */
export function lockHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertLockable(current);
    await checkRegistration(tenant, current.registration);
    await tenant.hypotheses.update(
      id,
      version,
      {
        ...dataOf(current),
        status: 'locked',
        lockedAt: nowIso(),
        lockedBy: actor,
        contentHash: await registrationHash(current.registration),
      },
      actor,
    );
    return showHypothesis(tenant, id);
  });
}
