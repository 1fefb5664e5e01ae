import { engagementRuns } from '../../store/derived/engagement-source.ts';
import type { Store } from '../../store/store.ts';

/** Live interactions rewritten per transaction: bounds the memory and the time writers wait. */
const interactionsPerRun = 5_000;

/**
 * Rewrites every derived row of an organization from its raw interactions (`praxis rebuild`): the
 * engagements in runs of about `interactionsPerRun` live interactions, by ranges of their ids, each run
 * in one transaction that holds its engagements' locks; then the organization-level rows from the
 * engagement-level ones, in one transaction holding every engagement's lock. Every transaction leaves
 * rows that agree with the raw rows, so a rebuild stopped at any point can simply be run again.
 */
export async function rebuildDerived(
  store: Store,
  organizationId: string,
  progress?: (engagements: number, of: number) => void,
): Promise<void> {
  const tenant = store.tenant(organizationId);
  const engagements = await tenant.derived.engagements();
  const counts = await tenant.derived.liveInteractionCounts();
  await store.writingInBulk(async () => {
    let done = 0;
    for (const run of engagementRuns(engagements, counts, interactionsPerRun)) {
      await store.transaction(async (tx) => {
        const inRun = tx.tenant(organizationId);
        await inRun.engagements.lockForWrite((await inRun.derived.engagementsWithin(run.range)).map((e) => e.id));
        await inRun.derived.rebuildWithin(run.range);
      });
      done += run.engagements.length;
      progress?.(done, engagements.length);
    }
    await store.transaction(async (tx) => {
      const all = tx.tenant(organizationId);
      await all.engagements.lockForWrite((await all.derived.engagements()).map((e) => e.id));
      await all.derived.rebuildOrganization();
    });
  });
}
