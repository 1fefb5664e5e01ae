import { columnsOf, rowKey, type DerivedDeclaration, type DerivedRow } from './declaration.ts';

/** How the rows of one table are keyed and compared. */
export interface RowComparison {
  table: string;
  keyOf(row: DerivedRow): string;
  /** The non-key columns, in declared order. */
  values: readonly string[];
}

/** A key under which the stored row and the recomputed one differ: one is missing, or their values differ. */
export interface Mismatch {
  key: string;
  stored: DerivedRow | null;
  recomputed: DerivedRow | null;
}

/** How the rows of a declared table are keyed and compared. */
export function comparisonOf(declaration: DerivedDeclaration): RowComparison {
  const key = new Set(Object.keys(declaration.key));
  return {
    table: declaration.table,
    keyOf: (row) => rowKey(declaration, row),
    values: columnsOf(declaration)
      .map(([c]) => c)
      .filter((c) => !key.has(c)),
  };
}

/** The non-key columns of a row, in declared order. */
export function valuesOf(comparison: RowComparison, row: DerivedRow): DerivedRow {
  const values: DerivedRow = {};
  for (const c of comparison.values) values[c] = row[c] ?? null;
  return values;
}

/**
 * Every key under which stored and recomputed rows differ: each recomputed row is looked up by its key
 * among the stored ones, and the stored rows left over were not recomputed. Numbers compare as numbers,
 * text as text, exactly.
 */
export function mismatches(
  comparison: RowComparison,
  stored: readonly DerivedRow[],
  recomputed: readonly DerivedRow[],
): Mismatch[] {
  const found: Mismatch[] = [];
  const storedByKey = new Map<string, DerivedRow>();
  for (const row of stored) storedByKey.set(comparison.keyOf(row), row);
  for (const row of recomputed) {
    const key = comparison.keyOf(row);
    const match = storedByKey.get(key);
    if (match === undefined) {
      found.push({ key, stored: null, recomputed: row });
      continue;
    }
    storedByKey.delete(key);
    if (comparison.values.some((c) => (match[c] ?? null) !== (row[c] ?? null)))
      found.push({ key, stored: match, recomputed: row });
  }
  for (const [key, row] of storedByKey) found.push({ key, stored: row, recomputed: null });
  return found;
}
