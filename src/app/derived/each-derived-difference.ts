import { comparisonOf, mismatches, valuesOf, type RowComparison } from '../../domain/support/derived/compare.ts';
import {
  OrganizationRowsSum,
  type DerivedRow,
  type EngagementInteractions,
} from '../../domain/support/derived/declaration.ts';
import { engagementTables, organizationTables } from '../../domain/support/derived/registry.ts';
import { openNextStepRows, type IndexedNextStep } from '../../domain/support/rollups.ts';
import { engagementRuns } from '../../store/derived/engagement-source.ts';
import type { TenantStore } from '../../store/store.ts';

/** A derived row that differs from what the raw rows give: stored but not recomputed, the reverse, or other values. */
export interface DerivedDifference {
  table: string;
  key: string;
  stored: Record<string, number | string | null> | null;
  recomputed: Record<string, number | string | null> | null;
}

/** Live interactions held at a time: the engagements are checked in runs of about this many. */
const interactionsPerRun = 5_000;

const nextStepComparison: RowComparison = {
  table: 'interaction_next_steps',
  keyOf: (row) => `${row.interactionId} #${row.position}`,
  values: ['engagementId', 'interactionDate', 'text', 'owner', 'dueDate'],
};

/** Hands on every row that differs between what is stored and what is recomputed. */
function compare(
  found: (difference: DerivedDifference) => void,
  comparison: RowComparison,
  stored: readonly DerivedRow[],
  recomputed: readonly DerivedRow[],
): void {
  for (const m of mismatches(comparison, stored, recomputed))
    found({
      table: comparison.table,
      key: m.key,
      stored: m.stored && valuesOf(comparison, m.stored),
      recomputed: m.recomputed && valuesOf(comparison, m.recomputed),
    });
}

/**
 * Recomputes every declared derived table and the next-step index from raw interactions and hands on
 * each difference from what is stored as it is found (`praxis check`): memory stays that of one run
 * however many rows differ. The engagements are taken in runs of about `interactionsPerRun` live
 * interactions, by ranges of their ids: one query reads a run's interactions, one per table its
 * stored rows, and each engagement's rows are computed by the declarations in memory and compared by
 * key. A run's ranges reach every stored row, so rows of deleted engagements, or of engagements that
 * are gone, are compared with nothing. Holds one run's rows at a time, and the organization-level
 * sums. Returns how many differences were found.
 */
export async function eachDerivedDifference(
  tenant: TenantStore,
  found: (difference: DerivedDifference) => void,
  /** Hears how many interactions have been read, after each run of engagements. */
  progress?: (interactions: number) => void,
): Promise<number> {
  let count = 0;
  const differences = (difference: DerivedDifference) => {
    count++;
    found(difference);
  };
  const organization = organizationTables.map((table) => new OrganizationRowsSum(table));
  const comparisons = new Map(engagementTables.map((table) => [table, comparisonOf(table)]));
  const engagements = await tenant.derived.engagements();
  const counts = await tenant.derived.liveInteractionCounts();
  let read = 0;
  for (const run of engagementRuns(engagements, counts, interactionsPerRun)) {
    const interactions = await tenant.derived.interactionsWithin(run.range);
    read += interactions.length;
    const steps: IndexedNextStep[] = [];
    const byEngagement = new Map<string, typeof interactions>();
    for (const interaction of interactions) {
      for (const step of openNextStepRows(interaction)) steps.push(step);
      let list = byEngagement.get(interaction.engagementId);
      if (!list) byEngagement.set(interaction.engagementId, (list = []));
      list.push(interaction);
    }
    const asRows = (rows: IndexedNextStep[]) => rows as unknown as DerivedRow[];
    compare(differences, nextStepComparison, asRows(await tenant.derived.nextStepsWithin(run.range)), asRows(steps));
    const sources: EngagementInteractions[] = run.engagements
      .filter((e) => e.live)
      .map((e) => ({ engagementId: e.id, startDate: e.startDate, interactions: byEngagement.get(e.id) ?? [] }));
    for (const table of engagementTables) {
      const rows: DerivedRow[] = [];
      for (const source of sources) for (const row of table.rows(source)) rows.push(row);
      compare(differences, comparisons.get(table)!, await tenant.derived.storedWithin(table, run.range), rows);
      for (const sum of organization) if (sum.declaration.from === table) sum.add(rows);
    }
    progress?.(read);
  }
  for (const sum of organization)
    compare(differences, comparisonOf(sum.declaration), await tenant.derived.stored(sum.declaration), sum.rows());
  return count;
}
