import type { TenantStore } from '../../store/store.ts';
import { eachDerivedDifference, type DerivedDifference } from './each-derived-difference.ts';

export type { DerivedDifference } from './each-derived-difference.ts';

/**
 * Every difference between the stored derived rows and what the raw interactions give, as a list
 * (`eachDerivedDifference`, kept): for tests, the bench and small records; `praxis check` prints
 * them as they are found instead.
 */
export async function checkDerived(
  tenant: TenantStore,
  /** Hears how many interactions have been read, after each run of engagements. */
  progress?: (interactions: number) => void,
): Promise<DerivedDifference[]> {
  const differences: DerivedDifference[] = [];
  await eachDerivedDifference(tenant, (d) => differences.push(d), progress);
  return differences;
}
