import {
  MIN_PAIRS_FOR_TEST,
  outcomeSeries,
  outcomeTrajectories,
  PAIRED_TEST_REFERENCE,
} from '../../analysis/outcomes/index.ts';
import type { EngagementOutcomeChange, EngagementOutcomes } from '../../domain/measurement/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { engagementObservations } from './observations.ts';

/**
 * The score history of an engagement, per outcome and level, wave by wave: individual scores summarized
 * (n, mean, SD); each unit's score as the mean of its members, at the unit's level (a team's members make
 * a team score); and ratings of units made directly at their level.
 */
export async function engagementOutcomes(tenant: TenantStore, engagementId: string): Promise<EngagementOutcomes> {
  const { outcomeWaves, observations } = await engagementObservations(tenant, engagementId);
  return { engagementId, series: outcomeSeries(outcomeWaves, observations) };
}

/**
 * Outcome change of an engagement between its waves, per outcome, level and score: trajectories, change
 * from the baseline and between consecutive waves, paired change with the signed-rank test (src/analysis/outcomes).
 */
export async function engagementOutcomeChange(
  tenant: TenantStore,
  engagementId: string,
): Promise<EngagementOutcomeChange> {
  const { outcomeWaves, observations } = await engagementObservations(tenant, engagementId);
  return {
    engagementId,
    method: { pairedTest: PAIRED_TEST_REFERENCE, minPairs: MIN_PAIRS_FOR_TEST },
    ...outcomeTrajectories(outcomeWaves, observations),
  };
}
