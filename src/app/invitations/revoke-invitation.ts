import { assertRevocable, invitationAsOf, type Invitation } from '../../domain/accounts/invitations.ts';
import type { Store } from '../../store/store.ts';
import { close } from './invitation-records.ts';

/** Withdraws a pending invitation: its link stops working at once. */
export function revokeInvitation(
  store: Store,
  organizationId: string,
  invitationId: string,
  actor: string,
  now = new Date(),
): Promise<Invitation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const stored = await tenant.invitations.require(invitationId);
    assertRevocable(stored);
    const revoked = stored.status === 'revoked' ? stored : await close(tenant, stored, 'revoked', actor, now);
    return invitationAsOf(revoked, now);
  });
}
