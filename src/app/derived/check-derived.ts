import {
  columnsOf,
  OrganizationRowsSum,
  rowKey,
  type DerivedDeclaration,
  type DerivedRow,
} from '../../domain/support/derived/declaration.ts';
import { engagementTables, organizationTables } from '../../domain/support/derived/registry.ts';
import { openNextStepRows, type IndexedNextStep } from '../../domain/support/rollups.ts';
import type { TenantStore } from '../../store/store.ts';

/** A derived row that differs from what the raw rows give: stored but not recomputed, the reverse, or other values. */
export interface DerivedDifference {
  table: string;
  key: string;
  stored: Record<string, number | string | null> | null;
  recomputed: Record<string, number | string | null> | null;
}

/** The non-key columns of a row, in declared order, for comparing. */
function valuesOf(declaration: DerivedDeclaration, row: DerivedRow): DerivedRow {
  const key = new Set(Object.keys(declaration.key));
  const values: DerivedRow = {};
  for (const [column] of columnsOf(declaration)) if (!key.has(column)) values[column] = row[column] ?? null;
  return values;
}

function compare(
  differences: DerivedDifference[],
  table: string,
  keyOf: (row: DerivedRow) => string,
  valuesOfRow: (row: DerivedRow) => DerivedRow,
  stored: readonly DerivedRow[],
  recomputed: readonly DerivedRow[],
): void {
  const storedByKey = new Map(stored.map((r) => [keyOf(r), valuesOfRow(r)]));
  const recomputedByKey = new Map(recomputed.map((r) => [keyOf(r), valuesOfRow(r)]));
  for (const key of new Set([...storedByKey.keys(), ...recomputedByKey.keys()])) {
    const s = storedByKey.get(key) ?? null;
    const r = recomputedByKey.get(key) ?? null;
    if (JSON.stringify(s) !== JSON.stringify(r)) differences.push({ table, key, stored: s, recomputed: r });
  }
}

const compareDeclared = (
  differences: DerivedDifference[],
  declaration: DerivedDeclaration,
  stored: readonly DerivedRow[],
  recomputed: readonly DerivedRow[],
) =>
  compare(
    differences,
    declaration.table,
    (r) => rowKey(declaration, r),
    (r) => valuesOf(declaration, r),
    stored,
    recomputed,
  );

/**
 * Recomputes every declared derived table and the next-step index from raw interactions, engagement by
 * engagement, and lists every difference from what is stored (`praxis check`). Holds one engagement's
 * interactions at a time, and the organization-level sums.
 */
export async function checkDerived(
  tenant: TenantStore,
  /** Hears how many interactions have been read, after each engagement. */
  progress?: (interactions: number) => void,
): Promise<DerivedDifference[]> {
  const differences: DerivedDifference[] = [];
  const organization = organizationTables.map((table) => new OrganizationRowsSum(table));
  const engagements = await tenant.derived.engagements();
  const live = new Set(engagements.filter((e) => e.live).map((e) => e.id));
  let read = 0;
  for (const engagement of engagements) {
    const interactions = await tenant.interactions.allLive(engagement.id);
    read += interactions.length;
    const nextSteps = (rows: IndexedNextStep[]) => rows as unknown as DerivedRow[];
    compare(
      differences,
      'interaction_next_steps',
      (r) => `${r.interactionId} #${r.position}`,
      ({ interactionId: _i, position: _p, ...values }) => values,
      nextSteps(await tenant.interactions.openNextSteps(engagement.id)),
      nextSteps(interactions.flatMap(openNextStepRows)),
    );
    if (!engagement.live) continue;
    const source = { engagementId: engagement.id, startDate: engagement.startDate, interactions };
    for (const table of engagementTables) {
      const rows = table.rows(source);
      compareDeclared(differences, table, await tenant.derived.stored(table, engagement.id), rows);
      for (const sum of organization) if (sum.declaration.from === table) sum.add(rows);
    }
    progress?.(read);
  }
  // Rows left behind by an engagement that is deleted, or gone.
  for (const table of engagementTables)
    for (const id of await tenant.derived.engagementsWithRows(table))
      if (!live.has(id)) compareDeclared(differences, table, await tenant.derived.stored(table, id), []);
  for (const sum of organization)
    compareDeclared(differences, sum.declaration, await tenant.derived.stored(sum.declaration), sum.rows());
  return differences;
}
