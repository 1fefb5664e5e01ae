import type { HomeEngagement } from '../../domain/home/views.ts';

/**
 * Where an engagement's card on the home page shows its stage plan against what was logged, and its
 * signals. Stage plans, plan versus actual and signals are not part of the record yet; until they
 * are, the slot shows nothing rather than invented figures.
 */
export function PlanAndSignalsSlot(_props: { orgId: string; engagement: HomeEngagement }) {
  return null;
}
