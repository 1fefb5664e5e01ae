import { conflict } from '../../domain/errors.ts';
import type { StagePlan } from '../../domain/plans/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Restores a deleted stage plan, unless its stage has been planned again since. */
export function restoreStagePlan(store: Store, organizationId: string, id: string, actor: string): Promise<StagePlan> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const plan = await tenant.stagePlans.require(id, { includeDeleted: true });
    await tenant.engagements.lockForWrite([plan.engagementId]);
    const live = await tenant.stagePlans.findForStage(plan.engagementId, plan.stageId);
    if (live && live.id !== id)
      throw conflict(`Stage "${plan.stageId}" has another plan now; delete it before restoring this one`, [
        { path: 'stageId', message: `has a live plan already (id ${live.id})` },
      ]);
    return tenant.stagePlans.restore(id, actor);
  });
}
