import type { Store } from '../../store/store.ts';
import { openByToken, close } from './invitation-records.ts';

/** Whoever holds the link may decline it: nothing is created, and the link is used up. */
export function declineInvitation(store: Store, token: string, actor: string | null, now = new Date()): Promise<void> {
  return store.transaction(async (tx) => {
    const { tenant, invitation } = await openByToken(tx, token, now);
    await close(tenant, invitation, 'declined', actor, now);
  });
}
