import type { Store } from '../../store/store.ts';

/**
 * Rewrites every derived row of an organization from its raw interactions (`praxis rebuild`), in one
 * transaction that holds every engagement's lock, so writes to the organization wait for it.
 */
export function rebuildDerived(
  store: Store,
  organizationId: string,
  progress?: (engagements: number, of: number) => void,
): Promise<void> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const engagements = await tenant.derived.engagements();
    await tenant.engagements.lockForWrite(engagements.map((e) => e.id));
    await tenant.derived.rebuild(progress);
  });
}
